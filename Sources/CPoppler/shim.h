#ifndef KINERJA_CPOPPLER_SHIM_H
#define KINERJA_CPOPPLER_SHIM_H
#include <glib.h>
#include <glib-object.h>
#include <poppler.h>
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#endif
