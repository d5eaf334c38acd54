// The merge tests' fixture: kiosks' files written by the real writer, and
// a target file to merge them into.
#pragma once

#include "app/store/merge.h"
#include "tests/store/store_test_util.h"

#include <string>
#include <vector>

namespace tapsheet::test {

class MergeTest : public ::testing::Test {
  protected:
    // A kiosk's file with `visits` complete visits of two answers each.
    std::vector<std::string> Kiosk(const std::string& path, const std::string& kiosk_id, int visits) {
        Waker waker;
        WriterOptions options = Options(path, waker);
        options.kiosk_id = kiosk_id;
        VisitWriter writer(options, MakePack());
        EXPECT_TRUE(WaitReady(writer, waker));
        std::vector<std::string> ids;
        for (int i = 0; i < visits; ++i) {
            ids.push_back(NewVisitId());
            EXPECT_TRUE(Committed(writer, waker, writer.BeginVisit(ids.back(), "en")));
            EXPECT_TRUE(
                Committed(writer, waker,
                          writer.SaveAnswer(Answer(ids.back(), "level", {{i % 2 ? "system" : "team", ""}}))));
            EXPECT_TRUE(
                Committed(writer, waker, writer.SaveAnswer(Answer(ids.back(), "aim", {{"goal", ""}}))));
            EXPECT_TRUE(Committed(writer, waker, writer.EndVisit(ids.back(), VisitEnd::Complete)));
        }
        return ids;
    }

    MergeCounts Merge(const std::string& source) {
        MergeCounts counts;
        std::string error;
        EXPECT_TRUE(MergeInto(target_, source, &counts, &error)) << error;
        return counts;
    }

    std::string Count(const std::string& sql) { return QueryOne(target_, sql); }

    TempDir dir_;
    std::string target_ = dir_.Path("all.db");
};

} // namespace tapsheet::test
