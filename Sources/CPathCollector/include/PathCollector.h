#ifndef KINERJA_PATH_COLLECTOR_H
#define KINERJA_PATH_COLLECTOR_H

// The vector paths a PDF page paints (table borders, boxes, connectors),
// collected by running poppler's content-stream interpreter with an output
// device that records paths and draws nothing: no glyphs, no images.
//
// What is collected is what poppler's cairo renderer (poppler_page_render)
// would hand to cairo as painted paths, in device space (points, origin at
// the top left of the crop box, y down, page rotation applied), after
// cairo's own path clean-up: 1/256-point precision, collinear segments
// merged, a fill directly followed by a stroke of the same path painted as
// one path, paths wholly outside the page or the clip dropped.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open document (a poppler PDFDoc over caller-owned bytes). Use from
/// one thread at a time.
typedef struct kj_path_document kj_path_document;

/// A straight run of points: a subpath, split where it curves.
typedef struct {
    uint32_t first_point;
    uint32_t point_count;
} kj_point_run;

/// One painted path.
typedef struct {
    /// Filled, with a colour that is not near-white.
    uint8_t filled;
    /// Stroked, with a colour that is not near-white.
    uint8_t stroked;
    /// Stroke width scaled by the larger axis scale of the transform the
    /// stroke was drawn under (0 when not stroked).
    double line_width;
    uint32_t first_run;
    uint32_t run_count;
} kj_painted_path;

/// A page's painted paths. The arrays belong to the document and stay
/// valid until the next call on it.
typedef struct {
    const kj_painted_path *paths;
    size_t path_count;
    const kj_point_run *runs;
    size_t run_count;
    /// x, y pairs.
    const double *points;
    size_t point_count;
} kj_page_paths;

/// Opens the PDF in `bytes` (which must outlive the document); NULL when
/// poppler cannot read it.
kj_path_document *kj_path_document_open(const void *bytes, size_t length);

void kj_path_document_close(kj_path_document *document);

int kj_path_document_page_count(kj_path_document *document);

/// Collects page `number` (1-based) into `out`. Returns 0 on success, -1
/// when there is no such page.
int kj_path_document_collect(kj_path_document *document, int number, kj_page_paths *out);

#ifdef __cplusplus
}
#endif

#endif
