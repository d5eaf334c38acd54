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

// OWASP's CSV injection cases: a cell a spreadsheet would evaluate is quoted
// and begins with an apostrophe; the same text elsewhere in a cell is left.
TEST(ExportFormat, CsvNeutralisesCellsASpreadsheetWouldEvaluate) {
    EXPECT_EQ(CsvField("=1+2"), "\"'=1+2\"");
    EXPECT_EQ(CsvField("+44 20"), "\"'+44 20\"");
    EXPECT_EQ(CsvField("-1"), "\"'-1\"");
    EXPECT_EQ(CsvField("@SUM(A1:A9)"), "\"'@SUM(A1:A9)\"");
    EXPECT_EQ(CsvField("\t=1"), "\"'\t=1\"");
    EXPECT_EQ(CsvField("\r=1"), "\"'\r=1\"");
    EXPECT_EQ(CsvField("\xEF\xBC\x9D"
                       "1+2"),
              "\"'\xEF\xBC\x9D"
              "1+2\"")
        << "a full-width equals sign";
    EXPECT_EQ(CsvField("=HYPERLINK(\"http://x/?\"&A1,\"go\")"),
              "\"'=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"go\"\")\"")
        << "quotes still doubled";
    EXPECT_EQ(CsvField("1+2=3"), "1+2=3") << "only the first character counts";
    EXPECT_EQ(CsvField("'=1"), "'=1") << "already text to a spreadsheet";
    EXPECT_TRUE(SpreadsheetWouldEvaluate("=1"));
    EXPECT_FALSE(SpreadsheetWouldEvaluate(""));
    EXPECT_FALSE(SpreadsheetWouldEvaluate("Gwell gofal"));
}

TEST(ExportFormat, JsonEscapesQuotesBackslashesAndControls) {
    EXPECT_EQ(JsonString("plain"), "\"plain\"");
    EXPECT_EQ(JsonString("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
    EXPECT_EQ(JsonString("l1\nl2\r\t"), "\"l1\\nl2\\r\\t\"");
    EXPECT_EQ(JsonString(std::string("\x01", 1)), "\"\\u0001\"");
    EXPECT_EQ(JsonString("ŵ"), "\"ŵ\"");
    EXPECT_EQ(JsonString("=1+2"), "\"=1+2\"") << "JSON keeps a formula's text exact";
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
