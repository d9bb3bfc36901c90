#ifndef KINERJA_CTESSERACT_SHIM_H
#define KINERJA_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#endif
