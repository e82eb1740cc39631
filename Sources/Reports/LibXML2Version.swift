import CLibXML2

/// The libxml2 version onboard runs with, as reports record it (e.g. "2.9.14").
public var libxml2Version: String {
    let number = Int(LIBXML_VERSION)
    return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
}
