// The [ui] table: words of the kiosk's own chrome (buttons, notices).
#include "app/core/loader_reader.h"

#include <array>

namespace tapsheet::loader_internal {

namespace {

struct UiKey {
    std::string_view key; // the [ui] key, spelled as the UiStrings field
    LocalText UiStrings::*field;
    std::string_view fallback; // English
};

// Any [ui] key a pack leaves out falls back to the English text below, so a
// short pack stays short and a pack written before a new button was added
// still loads. These are the only attendee-facing words held in C++: the
// chrome, never the content. A pack in another language overrides them.
constexpr std::array<UiKey, 24> kUiKeys = {{
    {"start", &UiStrings::start, "Tap to start"},
    {"back", &UiStrings::back, "Back"},
    {"next", &UiStrings::next, "Next"},
    {"skip", &UiStrings::skip, "Skip"},
    {"finish", &UiStrings::finish, "Finish"},
    {"done", &UiStrings::done, "Done"},
    {"still_there", &UiStrings::still_there, "Still there?"},
    {"still_there_body", &UiStrings::still_there_body, "Tap anywhere to carry on."},
    {"continue_label", &UiStrings::continue_label, "Continue"},
    {"start_over", &UiStrings::start_over, "Start over"},
    {"saving", &UiStrings::saving, "Saving…"},
    {"step_of", &UiStrings::step_of, "Step {n} of {total}"},
    {"thanks_title", &UiStrings::thanks_title, "Thank you!"},
    {"thanks_body", &UiStrings::thanks_body, "Your answers have been added to the room's results."},
    {"resources_label", &UiStrings::resources_label, "Scan for resources"},
    {"keyboard_done", &UiStrings::keyboard_done, "Done"},
    {"keyboard_cancel", &UiStrings::keyboard_cancel, "Cancel"},
    {"add_own", &UiStrings::add_own, "Add your own"},
    {"project_placeholder", &UiStrings::project_placeholder, "Your project or goal"},
    {"choose_one", &UiStrings::choose_one, "Choose one"},
    {"choose_any", &UiStrings::choose_any, "Choose all that apply"},
    {"out_of_service", &UiStrings::out_of_service, "Out of service"},
    {"out_of_service_body", &UiStrings::out_of_service_body,
     "Sorry, this kiosk is not taking answers right now."},
    {"for_staff", &UiStrings::for_staff, "For staff"},
}};

} // namespace

void ReadUiStrings(PackReader& reader, const toml::table& root, Pack* pack) {
    // Fallbacks are stored under the default language code: LocalText's first
    // entry is the default, whatever language the words happen to be in.
    const std::string& default_lang = reader.languages.front().code;
    for (const UiKey& ui_key : kUiKeys)
        pack->ui.*ui_key.field = PlainText(default_lang, ui_key.fallback);

    const toml::node* node = root.get("ui");
    if (node == nullptr) return;
    const toml::table* table = node->as_table();
    if (table == nullptr) {
        reader.Error(*node, std::string("'ui' must be a table ([ui] section), not ") + TypeName(*node));
        return;
    }
    KeyList allowed;
    for (const UiKey& ui_key : kUiKeys)
        allowed.push_back(ui_key.key);
    reader.CheckKeys(*table, allowed, "[ui]");
    for (const UiKey& ui_key : kUiKeys) {
        LocalText text;
        if (!reader.ReadText(*table, ui_key.key, &text, false)) continue;
        if (text.Empty())
            reader.Error(*table->get(ui_key.key),
                         Quote(ui_key.key) + " is empty; leave it out to use the default");
        else
            pack->ui.*ui_key.field = std::move(text);
    }
}

} // namespace tapsheet::loader_internal
