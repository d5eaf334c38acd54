// tapsheet's own words in Welsh (cy) and Irish (ga); the English, and which
// keys exist, are the loader's (loader_ui.cpp). Plain, common wording: a
// visitor reads these in a few seconds, standing. {n}, {total} and the other
// placeholders are filled in as in English.
#include "app/core/program_words.h"

#include <array>

namespace tapsheet {

namespace {

struct Translation {
    std::string_view table, key, cy, ga;
};

constexpr auto kTranslations = std::to_array<Translation>({
    // [ui]: the kiosk's buttons and notices.
    {"ui", "start", "Cyffyrddwch i ddechrau", "Tapáil chun tosú"},
    {"ui", "back", "Yn ôl", "Ar ais"},
    {"ui", "next", "Nesaf", "Ar aghaidh"},
    {"ui", "skip", "Hepgor", "Scipeáil"},
    {"ui", "finish", "Gorffen", "Críochnaigh"},
    {"ui", "done", "Wedi gorffen", "Déanta"},
    {"ui", "still_there", "Ydych chi'n dal yma?", "An bhfuil tú ann fós?"},
    {"ui", "still_there_body", "Cyffyrddwch unrhyw le i barhau.",
     "Tapáil áit ar bith chun leanúint ar aghaidh."},
    {"ui", "continue_label", "Parhau", "Lean ar aghaidh"},
    {"ui", "start_over", "Dechrau eto", "Tosaigh arís"},
    {"ui", "saving", "Yn cadw…", "Á shábháil…"},
    {"ui", "step_of", "Cam {n} o {total}", "Céim {n} as {total}"},
    {"ui", "thanks_title", "Diolch yn fawr!", "Go raibh maith agat!"},
    {"ui", "thanks_body", "Mae eich atebion wedi'u hychwanegu at ganlyniadau'r ystafell.",
     "Cuireadh d'fhreagraí le torthaí an tseomra."},
    {"ui", "resources_label", "Sganiwch am adnoddau", "Scanáil le haghaidh acmhainní"},
    {"ui", "keyboard_done", "Iawn", "Déanta"},
    {"ui", "keyboard_cancel", "Canslo", "Cealaigh"},
    {"ui", "add_own", "Ychwanegwch eich un chi", "Cuir do cheann féin leis"},
    {"ui", "project_placeholder", "Eich prosiect neu nod", "Do thionscadal nó do sprioc"},
    {"ui", "choose_one", "Dewiswch un", "Roghnaigh ceann amháin"},
    {"ui", "choose_any", "Dewiswch bob un sy'n berthnasol", "Roghnaigh gach ceann a bhaineann leat"},
    {"ui", "needs_answer", "Dewiswch o leiaf un i barhau", "Roghnaigh ceann amháin ar a laghad"},
    {"ui", "out_of_service", "Allan o wasanaeth", "As seirbhís"},
    {"ui", "out_of_service_body", "Mae'n ddrwg gennym, nid yw'r ciosg hwn yn derbyn atebion ar hyn o bryd.",
     "Ár leithscéal, níl an ciosc seo ag glacadh le freagraí faoi láthair."},
    {"ui", "for_staff", "I staff", "Don fhoireann"},

    // [board]: what the room reads on the projected results.
    {"board", "answered", "{n} o bobl wedi ateb", "Líon a d'fhreagair: {n}"},
    {"board", "answered_one", "1 person wedi ateb", "Duine amháin a d'fhreagair"},
    {"board", "nobody_yet", "Dim atebion eto", "Níl aon fhreagra fós"},
    {"board", "multi_note", "Caniateir mwy nag un ateb: mae'r canrannau'n dod i fwy na 100%",
     "Ceadaítear níos mó ná freagra amháin: is mó ná 100% na céatadáin le chéile"},
    {"board", "hidden_notice", "Canlyniadau ynghudd nes i'r hwylusydd eu datgelu",
     "Torthaí i bhfolach go dtí go nochtann an t-éascaitheoir iad"},
    {"board", "hidden_count", "{n} o bobl wedi ateb hyd yma", "Líon a d'fhreagair go dtí seo: {n}"},
    {"board", "added_by_room", "Ychwanegwyd gan yr ystafell", "Curtha leis ag an seomra"},
    {"board", "more_projects", "+ {n} arall", "+ {n} eile"},
    {"board", "cross_title", "Cymharu: {step}", "Comparáid: {step}"},
    {"board", "cross_header", "Dim ond y rhai a atebodd: {answer} (n = {n})",
     "Iad siúd amháin a d'fhreagair: {answer} (n = {n})"},
    {"board", "cross_header_hidden", "Dim ond y rhai a atebodd: {answer}",
     "Iad siúd amháin a d'fhreagair: {answer}"},
    {"board", "cross_none", "Dewiswch ateb i gymharu ag ef", "Roghnaigh freagra le comparáid a dhéanamh"},
    {"board", "cross_wait", "Yn cyfrif…", "Á chomhaireamh…"},
    {"board", "totals_title", "Yr ystafell hyd yma", "An seomra go dtí seo"},
    {"board", "visits_today", "Ymweliadau heddiw", "Cuairteanna inniu"},
    {"board", "completed", "Ymweliadau cyflawn", "Cuairteanna críochnaithe"},
    {"board", "answers_last_10_min", "Atebion yn y 10 munud diwethaf", "Freagraí sna 10 nóiméad deiridh"},
    {"board", "filtered", "Ymweliadau a hidlwyd (ailadrodd tebygol)",
     "Cuairteanna scagtha (dúbailt amhrasta)"},
    {"board", "round", "Rownd {n}", "Babhta {n}"},
    {"board", "round_earlier", "Rownd {n} (cynharach)", "Babhta {n} (níos luaithe)"},
    {"board", "all_rounds", "Pob rownd", "Gach babhta"},
    {"board", "timer_title", "Amserydd y gweithgaredd", "Amadóir na gníomhaíochta"},
    {"board", "timer_none", "Dim amserydd wedi'i ddewis", "Níl amadóir roghnaithe"},
    {"board", "timer_ready", "Yn barod i ddechrau", "Réidh le tosú"},
    {"board", "timer_paused", "Wedi oedi", "Ar sos"},
    {"board", "timer_up", "Mae'r amser ar ben", "Tá an t-am istigh"},
    {"board", "timer_part", "Rhan {n} o {total}", "Cuid {n} as {total}"},
    {"board", "timer_then", "Yna: {phase} ({m} munud)", "Ansin: {phase} ({m} nóim.)"},
    {"board", "timer_total", "{m} munud i gyd", "{m} nóim. san iomlán"},
    {"board", "frozen", "Wedi rhewi", "Reoite"},
    {"board", "hidden_tag", "Ynghudd", "I bhfolach"},
    {"board", "waiting_db", "Yn aros am gronfa ddata'r ciosg…", "Ag fanacht le bunachar sonraí an chiosca…"},
    {"board", "waiting_db_body",
     "Bydd y bwrdd yn dangos atebion yr ystafell cyn gynted ag y bydd y ciosg wedi cadw'r un cyntaf.",
     "Taispeánfaidh an clár freagraí an tseomra chomh luath agus a shábhálann an ciosc an chéad cheann."},
    {"board", "not_updating", "Nid yw'r ffigurau'n diweddaru: {problem}",
     "Níl na figiúirí á nuashonrú: {problem}"},

    // [report]: the organiser's results page.
    {"report", "heading", "Canlyniadau", "Torthaí"},
    {"report", "visits", "Ymweliadau", "Cuairteanna"},
    {"report", "answers", "Cwestiynau a atebwyd", "Ceisteanna a freagraíodh"},
    {"report", "dates", "Ymweliadau o {from} i {to} ({zone})", "Cuairteanna ó {from} go {to} ({zone})"},
    {"report", "no_visits", "Dim ymweliadau eto", "Níl aon chuairt fós"},
    {"report", "several_packs",
     "Rhoddwyd atebion dan {n} fersiwn o'r cynnwys; labeli'r fersiwn ddiweddaraf a ddangosir.",
     "Tugadh freagraí faoi {n} leagan den ábhar; is iad lipéid an leagain is déanaí a thaispeántar."},
    {"report", "projects", "Prosiectau a enwyd", "Tionscadail a ainmníodh"},
    {"report", "not_shown",
     "Testun rhydd heb ei ddangos: {pending} yn aros am gymeradwyaeth, {rejected} wedi'u gwrthod",
     "Saorthéacs nach dtaispeántar: {pending} ag fanacht le faomhadh, {rejected} diúltaithe"},
    {"report", "cross_section", "Cymharu yn ôl ateb", "Comparáid de réir freagra"},
    {"report", "cross_intro",
     "Mae pob colofn yn cyfrif dim ond y bobl a roddodd yr ateb hwnnw; canran o'r rhai ohonynt a atebodd y "
     "cam "
     "yw pob canran.",
     "Ní chomhaireann gach colún ach na daoine a thug an freagra sin; tá na céatadáin bunaithe ar na daoine "
     "sin a "
     "d'fhreagair an chéim."},
    {"report", "everyone", "Pawb", "Gach duine"},
    {"report", "most_marked", "Y {n} a ddewiswyd amlaf", "An {n} is minice a roghnaíodh"},
    {"report", "column_n", "n = {n}", "n = {n}"},
    {"report", "timeline", "Ymweliadau drwy'r dydd", "Cuairteanna i rith an lae"},
    {"report", "timeline_note", "Mae pob bar yn {m} munud", "{m} nóiméad atá i ngach barra"},
    {"report", "counted", "Wedi'u cyfrif", "Comhairthe"},
    {"report", "filtered_out", "Wedi'u hidlo", "Scagtha amach"},
    {"report", "filtered_title", "Ymweliadau a hidlwyd", "Cuairteanna scagtha"},
    {"report", "filtered_none", "Ni hidlwyd unrhyw ymweliad.", "Níor scagadh aon chuairt amach."},
    {"report", "filtered_body",
     "Ailadroddiadau tebygol (stwffio'r blwch pleidleisio): wedi'u cadw yn y ffeil canlyniadau, ond wedi'u "
     "gadael "
     "allan o bob ffigur yn yr adroddiad hwn.",
     "Dúbailt amhrasta (líonadh an bhosca ballóide): coinnithe sa chomhad torthaí, ach fágtha as gach figiúr "
     "sa "
     "tuarascáil seo."},
    {"report", "started", "Dechreuwyd", "Tosaithe"},
    {"report", "kiosk", "Ciosg", "Ciosc"},
    {"report", "status", "Statws", "Stádas"},
    {"report", "status_open", "Heb orffen", "Gan chríochnú"},
    {"report", "status_complete", "Wedi'i gwblhau", "Críochnaithe"},
    {"report", "status_abandoned", "Wedi'i adael", "Tréigthe"},
    {"report", "footer",
     "Nid yw'r ffigurau'n cynnwys ymweliadau a hidlwyd. Dim ond ar ôl i hwylusydd ei gymeradwyo y mae testun "
     "rhydd yn ymddangos.",
     "Ní áirítear cuairteanna scagtha sna figiúirí. Ní thaispeántar saorthéacs go dtí go bhfaomhann "
     "éascaitheoir "
     "é."},
});

} // namespace

namespace loader_internal {
std::string_view EnglishWord(std::string_view table, std::string_view key); // loader_ui.cpp
} // namespace loader_internal

bool HasProgramWords(std::string_view lang) {
    return lang == "en" || lang == "cy" || lang == "ga";
}

std::string_view ProgramWord(std::string_view table, std::string_view key, std::string_view lang) {
    if (lang == "en") return loader_internal::EnglishWord(table, key);
    for (const Translation& word : kTranslations) {
        if (word.table != table || word.key != key) continue;
        if (lang == "cy") return word.cy;
        if (lang == "ga") return word.ga;
        return {};
    }
    return {};
}

} // namespace tapsheet
