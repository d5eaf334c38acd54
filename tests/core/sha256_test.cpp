#include "app/core/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace tapsheet {
namespace {

// Known answers from FIPS 180-4 examples and NIST's SHA-256 test vectors.
TEST(Sha256, EmptyInput) {
    EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, Abc) {
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, TwoBlockMessage) {
    // 56 bytes: the padding no longer fits, so a second block is needed.
    EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, FourBlockMessage) {
    EXPECT_EQ(
        Sha256Hex(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopq"
            "rsmnopqrstnopqrstu"),
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, MillionAs) {
    EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, QuickBrownFox) {
    EXPECT_EQ(Sha256Hex("The quick brown fox jumps over the lazy dog"),
              "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
}

TEST(Sha256, IncrementalUpdatesMatchOneShot) {
    // Split at every length around the 64-byte block and 56-byte padding edges.
    const std::string message(130, 'x');
    const std::string expected = Sha256Hex(message);
    for (std::size_t split = 0; split <= message.size(); split++) {
        Sha256 hasher;
        hasher.Update(std::string_view(message).substr(0, split));
        hasher.Update(std::string_view(message).substr(split));
        std::string hex;
        for (std::uint8_t byte : hasher.Finish()) {
            const char* digits = "0123456789abcdef";
            hex += digits[byte >> 4];
            hex += digits[byte & 15];
        }
        EXPECT_EQ(hex, expected) << "split at " << split;
    }
}

TEST(Sha256, BlockBoundaryLengths) {
    // Verified with coreutils sha256sum.
    EXPECT_EQ(Sha256Hex(std::string(55, 'a')),
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(Sha256Hex(std::string(64, 'a')),
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

} // namespace
} // namespace tapsheet
