#ifndef ONBOARD_CLIBXML2_SHIM_H
#define ONBOARD_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; importing it next to Foundation then fails with
// "'UErrorCode' has different definitions in different modules". We use no ICU API.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift 6 rejects as not concurrency-safe.
static inline void onboard_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
