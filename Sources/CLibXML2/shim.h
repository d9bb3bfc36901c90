#ifndef KINERJA_CLIBXML2_SHIM_H
#define KINERJA_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// libxml2's encoding.h would pull in the system's ICU headers, which clash
// with the ICU inside Foundation. Nothing here uses libxml2's ICU
// converters (the writer only emits UTF-8), so keep them out of view.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/tree.h>
#endif
