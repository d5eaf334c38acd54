// The export's encodings: RFC 4180 CSV and JSON strings, and labels looked
// up in the pack an answer was given under.
#include "app/core/loader.h"
#include "app/report/export_format.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tapsheet {
namespace {

TEST(ExportFormat, CsvQuotesOnlyWhatMustBeQuoted) {
    EXPECT_EQ(CsvField("plain text"), "plain text");
    EXPECT_EQ(CsvField(""), "");
    EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
    EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(CsvField("cr\rhere"), "\"cr\rhere\"");
    EXPECT_EQ(CsvField("ŵyr á"), "ŵyr á") << "UTF-8 as it is";
    ExportFields fields;
    fields[0] = "x,y";
    const std::string record = CsvRecord(fields);
    EXPECT_EQ(record.substr(0, 6), "\"x,y\",");
    EXPECT_EQ(record.substr(record.size() - 2), "\r\n") << "records end with CRLF";
    EXPECT_EQ(std::count(record.begin(), record.end(), ','), static_cast<long>(fields.size()));
    EXPECT_EQ(CsvHeader().substr(0, 18), "visit_id,kiosk_id,");
}

TEST(ExportFormat, JsonEscapesQuotesBackslashesAndControls) {
    EXPECT_EQ(JsonString("plain"), "\"plain\"");
    EXPECT_EQ(JsonString("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
    EXPECT_EQ(JsonString("l1\nl2\r\t"), "\"l1\\nl2\\r\\t\"");
    EXPECT_EQ(JsonString(std::string("\x01", 1)), "\"\\u0001\"");
    EXPECT_EQ(JsonString("ŵ"), "\"ŵ\"");
    ExportFields fields;
    fields[2] = "3";
    fields[5] = "1";
    const std::string object = JsonObject(fields);
    EXPECT_NE(object.find("\"round\": 3,"), std::string::npos) << object;
    EXPECT_NE(object.find("\"filtered\": true,"), std::string::npos) << object;
    EXPECT_NE(object.find("\"visit_id\": \"\""), std::string::npos) << object;
}

TEST(ExportFormat, LabelsComeFromThePack) {
    const LoadResult loaded = LoadPackFile(TAPSHEET_SOURCE_DIR "/assets/content/default.toml");
    ASSERT_TRUE(loaded.pack);
    const Pack& pack = *loaded.pack;
    const AnswerLabels poll = LabelAnswer(pack, "level", "system");
    EXPECT_EQ(poll.option, "System level");
    EXPECT_FALSE(poll.question.empty());
    EXPECT_EQ(LabelAnswer(pack, "benefits", "workplace-culture").option, "Improved workplace culture");
    EXPECT_FALSE(LabelAnswer(pack, "benefits", "own").option.empty()) << "the 'add your own' prompt";
    EXPECT_TRUE(LabelAnswer(pack, "nope", "system").question.empty());
    EXPECT_TRUE(LabelAnswer(pack, "level", "nope").option.empty());
}

} // namespace
} // namespace tapsheet
