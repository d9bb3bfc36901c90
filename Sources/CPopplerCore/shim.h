#ifndef KINERJA_CPOPPLERCORE_SHIM_H
#define KINERJA_CPOPPLERCORE_SHIM_H
// poppler's core library (its C++ API; pkg-config `poppler`), linked for
// CPathCollector, which includes its headers itself.
#endif
