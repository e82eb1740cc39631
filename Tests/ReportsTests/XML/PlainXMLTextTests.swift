import Testing

@testable import Reports

/// Only text libxml2 would write unchanged skips its escaping.
struct PlainXMLTextTests {
    @Test(arguments: ["alice@contoso.de", "Line 4, column 7: it's 'fine' (x = y)", "A", "~ {} [] #"])
    func plainASCIIIsPlainEverywhere(_ text: String) {
        #expect(
            PlainXMLText(attribute: text) != nil, "\(text.debugDescription) needs no escaping in an attribute"
        )
        #expect(PlainXMLText(content: text) != nil, "\(text.debugDescription) needs no escaping as content")
    }

    @Test(arguments: ["a\"b", "a&b", "a<b", "a>b", "a\rb", "a\u{0}b", "a\u{1B}b", "\u{FFFE}", "", "\u{7F}"])
    func escapedOrReplacedTextIsNotPlain(_ text: String) {
        #expect(
            PlainXMLText(attribute: text) == nil,
            "\(text.debugDescription) is left to libxml2 in an attribute")
        if text != "\u{7F}" {
            #expect(
                PlainXMLText(content: text) == nil, "\(text.debugDescription) is left to libxml2 as content")
        }
    }

    @Test(arguments: ["Zoë", "a\tb", "a\nb"])
    func attributesLeaveTabsNewlinesAndNonASCIIToLibxml2(_ text: String) {
        #expect(PlainXMLText(attribute: text) == nil, "libxml2 writes \(text.debugDescription) as references")
        #expect(PlainXMLText(content: text) != nil, "content keeps \(text.debugDescription) as it is")
    }
}
