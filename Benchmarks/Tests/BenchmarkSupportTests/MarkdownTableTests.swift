import BenchmarkSupport
import Testing

struct MarkdownTableTests {
    @Test func padsColumnsAndAlignsFiguresRight() {
        var table = MarkdownTable(header: ["reader", "MB/s"])
        table.append(["wc -l", "4,355.0"])
        table.append(["onboard (count)", "506.9"])
        #expect(
            table.rendered == """
                | reader          |    MB/s |
                |-----------------|--------:|
                | wc -l           | 4,355.0 |
                | onboard (count) |   506.9 |

                """,
            "the first column left-aligned, the figures right-aligned, the rule as wide as the cells")
    }

    @Test func aHeaderAloneIsATableWithoutRows() {
        let table = MarkdownTable(header: ["a", "b"])
        #expect(table.rendered == "| a | b |\n|---|--:|\n", "header and rule only")
    }
}
