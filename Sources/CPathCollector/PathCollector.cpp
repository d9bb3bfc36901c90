// Path collection for ruling lines, boxes and connectors.
//
// kinerja used to render each page with poppler_page_render onto cairo's
// SVG surface and parse the SVG back; nearly all of that time went into
// glyph outlines it then ignored. This output device takes the same calls
// from poppler's interpreter (Gfx) that poppler's CairoOutputDev takes, and
// keeps, for every path cairo would have written as an SVG <path>, the
// points and how it was painted. The rules below follow poppler 22.12's
// CairoOutputDev and cairo 1.16's path, clip, recording and SVG code; each
// is named where it is applied.

#include "PathCollector.h"

#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace {

// ---------------------------------------------------------------------
// cairo's fixed-point numbers: 24.8, rounded to nearest (ties to even).

using Fixed = int32_t;

Fixed fixedFromDouble(double d)
{
    double scaled = std::nearbyint(d * 256.0);
    if (!(scaled > -2147483648.0)) {
        return INT32_MIN;
    }
    if (!(scaled < 2147483647.0)) {
        return INT32_MAX;
    }
    return static_cast<Fixed>(scaled);
}

double fixedToDouble(Fixed f)
{
    return f / 256.0;
}

int64_t fixedFloor(Fixed f)
{
    return static_cast<int64_t>(std::floor(f / 256.0));
}

int64_t fixedCeil(Fixed f)
{
    return static_cast<int64_t>(std::ceil(f / 256.0));
}

struct Point
{
    Fixed x = 0, y = 0;
    bool operator==(const Point &o) const { return x == o.x && y == o.y; }
    bool operator!=(const Point &o) const { return !(*this == o); }
};

struct Box
{
    Point p1, p2;
    bool operator==(const Box &o) const { return p1 == o.p1 && p2 == o.p2; }

    void add(Point p)
    {
        p1.x = std::min(p1.x, p.x);
        p1.y = std::min(p1.y, p.y);
        p2.x = std::max(p2.x, p.x);
        p2.y = std::max(p2.y, p.y);
    }
    bool contains(Point p) const { return p.x >= p1.x && p.x <= p2.x && p.y >= p1.y && p.y <= p2.y; }
};

// An integer rectangle, as cairo's cairo_rectangle_int_t (x0, y0)-(x1, y1).
struct IntRect
{
    int64_t x0, y0, x1, y1;

    // _cairo_rectangle_intersect: false when the result is empty.
    bool intersect(const IntRect &o)
    {
        x0 = std::max(x0, o.x0);
        y0 = std::max(y0, o.y0);
        x1 = std::min(x1, o.x1);
        y1 = std::min(y1, o.y1);
        return x0 < x1 && y0 < y1;
    }

    // _cairo_box_round_to_rectangle
    static IntRect roundOut(const Box &b) { return { fixedFloor(b.p1.x), fixedFloor(b.p1.y), fixedCeil(b.p2.x), fixedCeil(b.p2.y) }; }
};

// ---------------------------------------------------------------------
// An affine transform, as cairo_matrix_t.

struct Matrix
{
    double xx = 1, yx = 0, xy = 0, yy = 1, x0 = 0, y0 = 0;

    static Matrix fromCTM(const double *m) { return { m[0], m[1], m[2], m[3], m[4], m[5] }; }

    void transformPoint(double &x, double &y) const
    {
        double nx = xx * x + xy * y;
        double ny = yx * x + yy * y;
        x = nx + x0;
        y = ny + y0;
    }
    void transformDistance(double &x, double &y) const
    {
        double nx = xx * x + xy * y;
        double ny = yx * x + yy * y;
        x = nx;
        y = ny;
    }
    bool invert(Matrix &out) const
    {
        double det = xx * yy - yx * xy;
        if (det == 0 || !std::isfinite(det)) {
            return false;
        }
        out.xx = yy / det;
        out.yx = -yx / det;
        out.xy = -xy / det;
        out.yy = xx / det;
        out.x0 = (xy * y0 - yy * x0) / det;
        out.y0 = (yx * x0 - xx * y0) / det;
        return true;
    }
    Point device(double x, double y) const
    {
        transformPoint(x, y);
        return { fixedFromDouble(x), fixedFromDouble(y) };
    }
};

// ---------------------------------------------------------------------
// cairo_path_fixed_t: device-space points and the clean-up cairo does while
// a path is built (cairo-path-fixed.c).

class FixedPath
{
public:
    enum Op : uint8_t { MoveTo, LineTo, CurveTo, ClosePath };

    std::vector<Op> ops;
    std::vector<Point> points;
    Point current, lastMove;
    bool hasCurrent = false, needsMoveTo = true, hasExtents = false, hasCurveTo = false;
    bool strokeIsRectilinear = true, fillIsRectilinear = true, fillIsEmpty = true;
    Box extents;

    void moveTo(Point p)
    {
        newSubPath();
        hasCurrent = true;
        current = p;
        lastMove = p;
    }

    void lineTo(Point p)
    {
        if (!hasCurrent) {
            moveTo(p);
            return;
        }
        moveToApply();
        // A degenerate segment is dropped unless it follows the move.
        if (ops.back() != MoveTo && p == current) {
            return;
        }
        // A segment continuing the previous one in the same direction
        // replaces it.
        if (ops.back() == LineTo) {
            const Point &q = points[points.size() - 2];
            if (q == current) {
                dropLineTo();
            } else {
                int64_t pdx = int64_t(current.x) - q.x, pdy = int64_t(current.y) - q.y;
                int64_t sdx = int64_t(p.x) - current.x, sdy = int64_t(p.y) - current.y;
                bool sameSlope = pdy * sdx == sdy * pdx;
                bool backwards = pdx * sdx + pdy * sdy < 0;
                if (sameSlope && !backwards) {
                    dropLineTo();
                }
            }
        }
        if (strokeIsRectilinear) {
            strokeIsRectilinear = current.x == p.x || current.y == p.y;
            fillIsRectilinear &= strokeIsRectilinear;
            if (fillIsEmpty) {
                fillIsEmpty = current == p;
            }
        }
        current = p;
        extents.add(p);
        ops.push_back(LineTo);
        points.push_back(p);
    }

    void curveTo(Point a, Point b, Point c)
    {
        if (current == c && a == c && b == c) {
            lineTo(c);
            return;
        }
        if (!hasCurrent) {
            moveTo(a);
        }
        moveToApply();
        if (ops.back() == LineTo && points[points.size() - 2] == current) {
            dropLineTo();
        }
        addCurveExtents(current, a, b, c);
        current = c;
        hasCurveTo = true;
        strokeIsRectilinear = fillIsRectilinear = fillIsEmpty = false;
        ops.push_back(CurveTo);
        points.push_back(a);
        points.push_back(b);
        points.push_back(c);
    }

    void closePath()
    {
        if (!hasCurrent) {
            return;
        }
        lineTo(lastMove);
        if (ops.back() == LineTo) {
            dropLineTo();
        }
        needsMoveTo = true;
        ops.push_back(ClosePath);
    }

    // _cairo_path_fixed_is_box
    bool isBox(Box &box) const
    {
        if (!fillIsRectilinear || ops.size() < 4 || ops.size() > 6) {
            return false;
        }
        if (ops[0] != MoveTo || ops[1] != LineTo || ops[2] != LineTo || ops[3] != LineTo) {
            return false;
        }
        if (ops.size() > 4) {
            if (ops[4] == LineTo) {
                if (points[4] != points[0]) {
                    return false;
                }
            } else if (ops[4] != ClosePath) {
                return false;
            }
            if (ops.size() == 6 && ops[5] != MoveTo && ops[5] != ClosePath) {
                return false;
            }
        }
        const Point *p = points.data();
        bool rect = (p[0].y == p[1].y && p[1].x == p[2].x && p[2].y == p[3].y && p[3].x == p[0].x)
                || (p[0].x == p[1].x && p[1].y == p[2].y && p[2].x == p[3].x && p[3].y == p[0].y);
        if (!rect) {
            return false;
        }
        box.p1 = { std::min(p[0].x, p[2].x), std::min(p[0].y, p[2].y) };
        box.p2 = { std::max(p[0].x, p[2].x), std::max(p[0].y, p[2].y) };
        return true;
    }

    // _cairo_path_fixed_equal
    bool operator==(const FixedPath &o) const
    {
        if (hasCurveTo != o.hasCurveTo || !(extents == o.extents)) {
            return false;
        }
        return ops == o.ops && std::equal(points.begin(), points.end(), o.points.begin(), o.points.end());
    }

private:
    void newSubPath()
    {
        if (!needsMoveTo) {
            if (fillIsRectilinear) {
                fillIsRectilinear = current.x == lastMove.x || current.y == lastMove.y;
            }
            needsMoveTo = true;
        }
        hasCurrent = false;
    }

    void moveToApply()
    {
        if (!needsMoveTo) {
            return;
        }
        needsMoveTo = false;
        if (hasExtents) {
            extents.add(current);
        } else {
            extents = { current, current };
            hasExtents = true;
        }
        lastMove = current;
        ops.push_back(MoveTo);
        points.push_back(current);
    }

    void dropLineTo()
    {
        ops.pop_back();
        points.pop_back();
    }

    // _cairo_box_add_curve_to with _cairo_spline_bound.
    void addCurveExtents(Point a, Point b, Point c, Point d)
    {
        extents.add(d);
        if (extents.contains(b) && extents.contains(c)) {
            return;
        }
        double t[4];
        int n = 0;
        auto add = [&](double v) {
            if (0 < v && v < 1) {
                t[n++] = v;
            }
        };
        auto extremes = [&](double p0, double p1, double p2, double p3) {
            double qa = -p0 + 3 * p1 - 3 * p2 + p3;
            double qb = p0 - 2 * p1 + p2;
            double qc = -p0 + p1;
            if (qa == 0) {
                if (qb != 0) {
                    add(-qc / (2 * qb));
                }
            } else {
                double b2 = qb * qb;
                double delta = b2 - qa * qc;
                if (delta > 0) {
                    bool feasible;
                    double ab2 = 2 * qa * qb;
                    if (ab2 >= 0) {
                        feasible = delta > b2 && delta < qa * qa + b2 + ab2;
                    } else if (-qb / qa >= 1) {
                        feasible = delta < b2 && delta > qa * qa + b2 + ab2;
                    } else {
                        feasible = delta < b2 || delta < qa * qa + b2 + ab2;
                    }
                    if (feasible) {
                        double s = std::sqrt(delta);
                        add((-qb - s) / qa);
                        add((-qb + s) / qa);
                    }
                } else if (delta == 0) {
                    add(-qb / qa);
                }
            }
        };
        double x0 = fixedToDouble(a.x), y0 = fixedToDouble(a.y), x1 = fixedToDouble(b.x), y1 = fixedToDouble(b.y);
        double x2 = fixedToDouble(c.x), y2 = fixedToDouble(c.y), x3 = fixedToDouble(d.x), y3 = fixedToDouble(d.y);
        extremes(x0, x1, x2, x3);
        extremes(y0, y1, y2, y3);
        extents.add(a);
        for (int i = 0; i < n; i++) {
            double u = t[i], v = 1 - u;
            double x = v * v * v * x0 + 3 * u * v * v * x1 + 3 * u * u * v * x2 + u * u * u * x3;
            double y = v * v * v * y0 + 3 * u * v * v * y1 + 3 * u * u * v * y2 + u * u * u * y3;
            extents.add({ fixedFromDouble(x), fixedFromDouble(y) });
        }
    }
};

// ---------------------------------------------------------------------
// cairo's clip, reduced to what decides whether a path is recorded at all:
// the intersection of the clip paths' boxes (exact for rectangles, rounded
// out to whole points for other shapes).

struct Clip
{
    bool active = false;
    bool allClipped = false;
    Box box;

    bool operator==(const Clip &o) const { return active == o.active && allClipped == o.allClipped && (!active || allClipped || box == o.box); }

    void intersect(const Box &b)
    {
        if (allClipped) {
            return;
        }
        if (!active) {
            active = true;
            box = b;
        } else {
            box.p1.x = std::max(box.p1.x, b.p1.x);
            box.p1.y = std::max(box.p1.y, b.p1.y);
            box.p2.x = std::min(box.p2.x, b.p2.x);
            box.p2.y = std::min(box.p2.y, b.p2.y);
        }
        if (!(box.p1.x < box.p2.x && box.p1.y < box.p2.y)) {
            allClipped = true;
        }
    }

    // _cairo_clip_intersect_path
    void intersect(const FixedPath &path)
    {
        if (allClipped) {
            return;
        }
        if (path.fillIsEmpty) {
            allClipped = true;
            return;
        }
        Box b;
        if (path.isBox(b)) {
            intersect(b);
            return;
        }
        if (path.fillIsRectilinear) {
            intersect(path.extents);
            return;
        }
        if (!(path.extents.p1.x < path.extents.p2.x && path.extents.p1.y < path.extents.p2.y)) {
            allClipped = true;
            return;
        }
        IntRect r = IntRect::roundOut(path.extents);
        intersect(Box { { Fixed(r.x0 * 256), Fixed(r.y0 * 256) }, { Fixed(r.x1 * 256), Fixed(r.y1 * 256) } });
    }
};

// ---------------------------------------------------------------------
// A paint source as CairoOutputDev keeps it (fill_pattern, stroke_pattern).

struct Paint
{
    enum Kind : uint8_t { Solid, Gradient, Surface, Mesh } kind = Solid;
    double r = 0, g = 0, b = 0, alpha = 1;

    static Paint solid(const GfxRGB &rgb, double alpha)
    {
        Paint p;
        p.r = colToDbl(rgb.r);
        p.g = colToDbl(rgb.g);
        p.b = colToDbl(rgb.b);
        p.alpha = std::clamp(alpha, 0.0, 1.0);
        return p;
    }
    static Paint of(Kind k)
    {
        Paint p;
        p.kind = k;
        return p;
    }

    // CAIRO_COLOR_IS_CLEAR: cairo drops painting with such a source.
    bool isClear() const { return kind == Solid && alpha * (65536.0 - 1e-5) < 256; }
    // SVG 1.1 has no mesh gradients: cairo draws such fills as pictures.
    bool isSupported() const { return kind != Mesh; }
    // kinerja's reading of a near-white colour: no visible line.
    bool isLight() const { return kind == Solid && r > 0.93 && g > 0.93 && b > 0.93; }
};

// One fill or stroke as cairo records it.
struct PaintOp
{
    FixedPath path;
    Clip clip;
    Paint paint;
    double lineWidth = 0; // stroke only: width scaled by the transform
};

// CairoOutputDev's stroke-path clip (pattern-filled strokes).
struct StrokePathClip
{
    std::unique_ptr<GfxPath> path;
    Matrix ctm;
    double lineWidth;
    int cap, join;
    double miter;
};

// ---------------------------------------------------------------------

class PathDevice : public OutputDev
{
public:
    std::vector<kj_painted_path> paths;
    std::vector<kj_point_run> runs;
    std::vector<double> points;

    void beginPage(double width, double height)
    {
        paths.clear();
        runs.clear();
        points.clear();
        surface = { 0, 0, static_cast<int64_t>(std::ceil(width)), static_cast<int64_t>(std::ceil(height)) };
        saved.clear();
        clipState = Clip();
        groupDepth = 0;
        mask = false;
        strokePathClip.reset();
        pendingFill.reset();
    }

    void finishPage() { flushPending(); }

    // ----- what the interpreter asks (answered as CairoOutputDev does,
    // except that text is handed over as whole strings: no glyphs)

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return false; }
    bool useTilingPatternFill() override { return true; }
    bool useShadedFills(int type) override { return type <= 7; }
    bool useFillColorStop() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needClipToCropBox() override { return true; }

    void startPage(int, GfxState *, XRef *) override
    {
        // Solid black, opaque whatever the opacity in force.
        GfxRGB black = { 0, 0, 0 };
        fillPaint = Paint::solid(black, 1.0);
        fillColor = black;
        strokePaint = fillPaint;
        strokeColor = black;
    }

    // ----- graphics state

    void saveState(GfxState *) override
    {
        saved.push_back({ clipState, fillPaint, strokePaint, fillOpacity, strokeOpacity, lineWidth, mask, strokePathClip });
    }

    void restoreState(GfxState *) override
    {
        if (saved.empty()) {
            return;
        }
        const Saved &s = saved.back();
        clipState = s.clip;
        fillPaint = s.fillPaint;
        strokePaint = s.strokePaint;
        fillOpacity = s.fillOpacity;
        strokeOpacity = s.strokeOpacity;
        fillColor.reset();
        strokeColor.reset();
        lineWidth = s.lineWidth;
        mask = s.mask;
        strokePathClip = s.strokePathClip;
        saved.pop_back();
    }

    void updateAll(GfxState *state) override
    {
        updateLineWidth(state);
        updateFillColor(state);
        updateStrokeColor(state);
        updateFillOpacity(state);
        updateStrokeOpacity(state);
    }

    void updateCTM(GfxState *state, double m11, double m12, double m21, double m22, double m31, double m32) override
    {
        Matrix m { m11, m12, m21, m22, m31, m32 }, inverse;
        if (!m.invert(inverse)) {
            return; // cairo is not given a matrix it cannot invert
        }
        updateLineWidth(state);
    }

    // CairoOutputDev::updateLineWidth with stroke adjustment (the screen
    // rendering default): lines thinner than a device pixel are drawn one
    // pixel wide, and their ends later snapped to pixel centres.
    void updateLineWidth(GfxState *state) override
    {
        adjustedStrokeWidth = false;
        double width = state->getLineWidth();
        Matrix ctm = Matrix::fromCTM(state->getCTM());
        double x = width, y = width;
        ctm.transformDistance(x, y);
        if (std::fabs(x) <= 1.0 && std::fabs(y) <= 1.0) {
            Matrix inverse;
            if (ctm.invert(inverse)) {
                x = y = 1.0;
                inverse.transformDistance(x, y);
                width = std::min(std::fabs(x), std::fabs(y));
            }
            adjustedStrokeWidth = true;
        }
        lineWidth = std::max(width, 0.0);
    }

    void updateFillColor(GfxState *state) override
    {
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        if (fillPaint.kind != Paint::Solid || !fillColor || !sameRGB(*fillColor, rgb)) {
            fillPaint = Paint::solid(rgb, fillOpacity);
            fillColor = rgb;
        }
    }

    void updateStrokeColor(GfxState *state) override
    {
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        // (CairoOutputDev tests the fill pattern's type here.)
        if (fillPaint.kind != Paint::Solid || !strokeColor || !sameRGB(*strokeColor, rgb)) {
            strokePaint = Paint::solid(rgb, strokeOpacity);
            strokeColor = rgb;
        }
    }

    void updateFillOpacity(GfxState *state) override
    {
        double previous = fillOpacity;
        fillOpacity = state->getFillOpacity();
        if (previous != fillOpacity) {
            if (!fillColor) {
                GfxRGB rgb;
                state->getFillRGB(&rgb);
                fillColor = rgb;
            }
            fillPaint = Paint::solid(*fillColor, fillOpacity);
        }
    }

    void updateStrokeOpacity(GfxState *state) override
    {
        double previous = strokeOpacity;
        strokeOpacity = state->getStrokeOpacity();
        if (previous != strokeOpacity) {
            if (!strokeColor) {
                GfxRGB rgb;
                state->getStrokeRGB(&rgb);
                strokeColor = rgb;
            }
            strokePaint = Paint::solid(*strokeColor, strokeOpacity);
        }
    }

    // ----- painting

    void stroke(GfxState *state) override
    {
        Matrix ctm = Matrix::fromCTM(state->getCTM());
        if (strokePathClip) {
            // Stroked into a group, then painted through the clip stroke.
            otherCommand();
            strokeThroughClip(state, Paint::of(Paint::Surface));
            return;
        }
        FixedPath path = buildPath(state->getPath(), ctm, adjustedStrokeWidth);
        recordStroke(std::move(path), ctm, lineWidth, state->getLineCap(), state->getLineJoin(), state->getMiterLimit(), strokePaint, state);
    }

    void fill(GfxState *state) override
    {
        if (mask) {
            otherCommand(); // painted through the soft mask: no path
            return;
        }
        if (strokePathClip) {
            strokeThroughClip(state, fillPaint);
            return;
        }
        Matrix ctm = Matrix::fromCTM(state->getCTM());
        recordFill(buildPath(state->getPath(), ctm, false), fillPaint, state);
    }

    void eoFill(GfxState *state) override
    {
        if (mask) {
            otherCommand();
            return;
        }
        Matrix ctm = Matrix::fromCTM(state->getCTM());
        recordFill(buildPath(state->getPath(), ctm, false), fillPaint, state);
    }

    void clip(GfxState *state) override { clipTo(state); }
    void eoClip(GfxState *state) override { clipTo(state); }

    void clipToStrokePath(GfxState *state) override
    {
        auto spc = std::make_shared<StrokePathClip>();
        spc->path.reset(state->getPath()->copy());
        spc->ctm = Matrix::fromCTM(state->getCTM());
        spc->lineWidth = lineWidth;
        spc->cap = state->getLineCap();
        spc->join = state->getLineJoin();
        spc->miter = state->getMiterLimit();
        strokePathClip = spc;
    }

    // A tiling pattern whose cell is its step: cairo repeats the cell as a
    // pattern (drawn apart, outside the page content) and fills the clip's
    // bounding box with it. Other tilings are drawn tile by tile by the
    // interpreter.
    bool tilingPatternFill(GfxState *state, Gfx *, Catalog *, GfxTilingPattern *tPat, const double *, int, int, int, int, double xStep, double yStep) override
    {
        const double *bbox = tPat->getBBox();
        if (xStep != bbox[2] - bbox[0] || yStep != bbox[3] - bbox[1]) {
            return false;
        }
        Paint pattern = Paint::of(Paint::Surface);
        if (strokePathClip) {
            strokeThroughClip(state, pattern);
            return true;
        }
        double xMin, yMin, xMax, yMax;
        state->getUserClipBBox(&xMin, &yMin, &xMax, &yMax);
        Matrix ctm = Matrix::fromCTM(state->getCTM());
        recordFill(rectangle(ctm, xMin, yMin, xMax - xMin, yMax - yMin), pattern, state);
        return true;
    }

    bool functionShadedFill(GfxState *, GfxFunctionShading *shading) override
    {
        const double *m = shading->getMatrix();
        Matrix sm { m[0], m[1], m[2], m[3], m[4], m[5] }, inverse;
        if (!sm.invert(inverse)) {
            return false;
        }
        meshFill();
        return true;
    }

    bool axialShadedFill(GfxState *, GfxAxialShading *, double, double) override
    {
        fillPaint = Paint::of(Paint::Gradient);
        return false; // the interpreter fills the area with this gradient
    }
    bool axialShadedSupportExtend(GfxState *, GfxAxialShading *shading) override { return shading->getExtend0() == shading->getExtend1(); }

    bool radialShadedFill(GfxState *, GfxRadialShading *, double, double) override
    {
        fillPaint = Paint::of(Paint::Gradient);
        return false;
    }
    bool radialShadedSupportExtend(GfxState *, GfxRadialShading *shading) override { return shading->getExtend0() == shading->getExtend1(); }

    bool gouraudTriangleShadedFill(GfxState *, GfxGouraudTriangleShading *) override
    {
        meshFill();
        return true;
    }
    bool patchMeshShadedFill(GfxState *, GfxPatchMeshShading *) override
    {
        meshFill();
        return true;
    }

    // ----- text: glyphs go to the SVG as <use> of outlines kept apart; only
    // their place in the paint order matters here.

    void drawString(GfxState *state, const GooString *s) override
    {
        int render = state->getRender();
        if (render != 3 && render != 7 && s->getLength() > 0) {
            otherCommand();
        }
    }

    // ----- images

    void drawImageMask(GfxState *state, Object *, Stream *str, int width, int height, bool invert, bool, bool inlineImg) override
    {
        if (width == 1 && height == 1) {
            // CairoOutputDev fills a one-pixel mask as a unit square.
            ImageStream pixels(str, 1, 1, 1);
            pixels.reset();
            unsigned char pix = 0;
            pixels.getPixel(&pix);
            pixels.close();
            if (pix ^ (invert ? 1 : 0)) {
                return;
            }
            Matrix ctm = Matrix::fromCTM(state->getCTM());
            recordFill(rectangle(ctm, 0, 0, 1, 1), fillPaint, state);
            return;
        }
        if (inlineImg) {
            skipInline(str, int64_t(height) * ((width + 7) / 8));
        }
        otherCommand();
    }

    void setSoftMaskFromImageMask(GfxState *, Object *, Stream *str, int width, int height, bool, bool inlineImg, double *) override
    {
        if (inlineImg) {
            skipInline(str, int64_t(height) * ((width + 7) / 8));
        }
        mask = true;
    }
    void unsetSoftMaskFromImageMask(GfxState *, double *) override { mask = false; }

    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap, bool interpolate, const int *maskColors, bool inlineImg) override
    {
        OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
        // CairoOutputDev fills the image's unit square with the picture as
        // a pattern (the SVG gets a filled <path>), unless it goes through
        // a mask (soft mask, or opacity below 1).
        if (mask || fillOpacity != 1.0) {
            otherCommand();
            return;
        }
        Matrix ctm = Matrix::fromCTM(state->getCTM());
        recordFill(rectangle(ctm, 0, 0, 1, 1), Paint::of(Paint::Surface), state);
    }
    void drawMaskedImage(GfxState *, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int, bool, bool) override { otherCommand(); }
    void drawSoftMaskedImage(GfxState *, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int, GfxImageColorMap *, bool) override { otherCommand(); }

    // ----- transparency groups: drawn into a group that cairo's SVG
    // surface writes apart from the page content.

    void beginTransparencyGroup(GfxState *, const double *, GfxColorSpace *, bool, bool, bool) override { groupDepth++; }
    void endTransparencyGroup(GfxState *) override
    {
        if (groupDepth > 0) {
            groupDepth--;
        }
    }
    void paintTransparencyGroup(GfxState *, const double *) override
    {
        otherCommand();
        mask = false;
    }
    void setSoftMask(GfxState *, const double *, bool, Function *, GfxColor *) override { mask = true; }
    void clearSoftMask(GfxState *) override { mask = false; }

private:
    struct Saved
    {
        Clip clip;
        Paint fillPaint, strokePaint;
        double fillOpacity, strokeOpacity;
        double lineWidth;
        bool mask;
        std::shared_ptr<StrokePathClip> strokePathClip;
    };

    IntRect surface { 0, 0, 0, 0 };
    std::vector<Saved> saved;
    Clip clipState;
    Paint fillPaint, strokePaint;
    std::optional<GfxRGB> fillColor, strokeColor;
    double fillOpacity = 1, strokeOpacity = 1;
    double lineWidth = 1;
    bool adjustedStrokeWidth = false;
    bool mask = false;
    int groupDepth = 0;
    std::shared_ptr<StrokePathClip> strokePathClip;
    std::optional<PaintOp> pendingFill;

    static bool sameRGB(const GfxRGB &a, const GfxRGB &b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

    // CairoOutputDev::alignStrokeCoords: an end of a horizontal or vertical
    // segment is moved to the centre of its device pixel.
    static void alignedPoint(const GfxSubpath *sub, int i, const Matrix &ctm, const Matrix &inverse, double &x, double &y)
    {
        const double tolerance = 0.5;
        double x1 = sub->getX(i), y1 = sub->getY(i);
        ctm.transformPoint(x1, y1);
        bool align = false;
        if (i > 0 && !sub->getCurve(i - 1)) {
            double x2 = sub->getX(i - 1), y2 = sub->getY(i - 1);
            ctm.transformPoint(x2, y2);
            align = std::fabs(x2 - x1) < tolerance || std::fabs(y2 - y1) < tolerance;
        }
        if (i < sub->getNumPoints() - 1 && !sub->getCurve(i + 1)) {
            double x2 = sub->getX(i + 1), y2 = sub->getY(i + 1);
            ctm.transformPoint(x2, y2);
            if (std::fabs(x2 - x1) < tolerance || std::fabs(y2 - y1) < tolerance) {
                align = true;
            }
        }
        x = sub->getX(i);
        y = sub->getY(i);
        if (align) {
            ctm.transformPoint(x, y);
            x = std::floor(x) + 0.5;
            y = std::floor(y) + 0.5;
            inverse.transformPoint(x, y);
        }
    }

    // CairoOutputDev::doPath
    static FixedPath buildPath(const GfxPath *gfxPath, const Matrix &ctm, bool align)
    {
        FixedPath path;
        Matrix inverse;
        if (align && !ctm.invert(inverse)) {
            align = false;
        }
        for (int i = 0; i < gfxPath->getNumSubpaths(); ++i) {
            const GfxSubpath *sub = gfxPath->getSubpath(i);
            int n = sub->getNumPoints();
            if (n <= 0) {
                continue;
            }
            double x, y;
            if (align) {
                alignedPoint(sub, 0, ctm, inverse, x, y);
            } else {
                x = sub->getX(0);
                y = sub->getY(0);
            }
            path.moveTo(ctm.device(x, y));
            int j = 1;
            while (j < n) {
                if (sub->getCurve(j) && j + 2 < n) {
                    if (align) {
                        alignedPoint(sub, j + 2, ctm, inverse, x, y);
                    } else {
                        x = sub->getX(j + 2);
                        y = sub->getY(j + 2);
                    }
                    path.curveTo(ctm.device(sub->getX(j), sub->getY(j)), ctm.device(sub->getX(j + 1), sub->getY(j + 1)), ctm.device(x, y));
                    j += 3;
                } else {
                    if (align) {
                        alignedPoint(sub, j, ctm, inverse, x, y);
                    } else {
                        x = sub->getX(j);
                        y = sub->getY(j);
                    }
                    path.lineTo(ctm.device(x, y));
                    ++j;
                }
            }
            if (sub->isClosed()) {
                path.closePath();
            }
        }
        return path;
    }

    // cairo_rectangle: a move and three relative lines, then a close.
    static FixedPath rectangle(const Matrix &ctm, double x, double y, double w, double h)
    {
        FixedPath path;
        Point p = ctm.device(x, y);
        path.moveTo(p);
        auto rel = [&](double dx, double dy) {
            ctm.transformDistance(dx, dy);
            p = { Fixed(int64_t(p.x) + fixedFromDouble(dx)), Fixed(int64_t(p.y) + fixedFromDouble(dy)) };
            path.lineTo(p);
        };
        rel(w, 0);
        rel(0, h);
        rel(-w, 0);
        path.closePath();
        return path;
    }

    void clipTo(GfxState *state)
    {
        Matrix ctm = Matrix::fromCTM(state->getCTM());
        clipState.intersect(buildPath(state->getPath(), ctm, false));
    }

    // Whether cairo's recording surface keeps an operation whose mask
    // covers `mask` (whole points): it must meet the page and the clip
    // (_cairo_composite_rectangles_init and _intersect).
    bool reachesPage(const IntRect &mask) const
    {
        if (clipState.allClipped) {
            return false;
        }
        IntRect bounded = surface;
        if (clipState.active && !bounded.intersect(IntRect::roundOut(clipState.box))) {
            return false;
        }
        if (!bounded.intersect(mask)) {
            return false;
        }
        if (clipState.active) {
            Box b = clipState.box;
            Fixed x0 = Fixed(bounded.x0 * 256), y0 = Fixed(bounded.y0 * 256), x1 = Fixed(bounded.x1 * 256), y1 = Fixed(bounded.y1 * 256);
            if (!(std::max(b.p1.x, x0) < std::min(b.p2.x, x1) && std::max(b.p1.y, y0) < std::min(b.p2.y, y1))) {
                return false;
            }
        }
        return true;
    }

    // _cairo_gstate_fill, then the recording surface.
    void recordFill(FixedPath path, const Paint &paint, GfxState *state)
    {
        if (groupDepth > 0 || clipState.allClipped || path.fillIsEmpty || paint.isClear()) {
            return;
        }
        Box box;
        if (path.isBox(box) && box.p1.x <= Fixed(surface.x0 * 256) && box.p1.y <= Fixed(surface.y0 * 256) && box.p2.x >= Fixed(surface.x1 * 256) && box.p2.y >= Fixed(surface.y1 * 256)) {
            // A fill over the whole page is painted, not filled: no path.
            if (reachesPage(surface)) {
                otherCommand();
            }
            return;
        }
        const Box &e = path.extents;
        if (!(e.p1.x < e.p2.x && e.p1.y < e.p2.y) || !reachesPage(IntRect::roundOut(e))) {
            return;
        }
        if (!paint.isSupported() || state->getBlendMode() != gfxBlendNormal) {
            otherCommand(); // drawn as a picture by cairo's fallback
            return;
        }
        flushPending();
        pendingFill = PaintOp { std::move(path), clipState, paint, 0 };
    }

    // _cairo_gstate_stroke, then the recording surface.
    void recordStroke(FixedPath path, const Matrix &ctm, double width, int cap, int join, double miterLimit, const Paint &paint, GfxState *state)
    {
        if (groupDepth > 0 || clipState.allClipped || width <= 0 || paint.isClear() || !path.hasExtents) {
            return;
        }
        // _cairo_path_fixed_approximate_stroke_extents
        double expansion = cap == 2 ? M_SQRT1_2 : 0.5;
        if (join == 0 && !path.strokeIsRectilinear && expansion < M_SQRT2 * miterLimit) {
            expansion = M_SQRT2 * miterLimit;
        }
        expansion *= width;
        double dx = std::max(expansion * std::hypot(ctm.xx, ctm.xy), 2 / 256.0);
        double dy = std::max(expansion * std::hypot(ctm.yy, ctm.yx), 2 / 256.0);
        Box e = path.extents;
        e.p1.x -= fixedFromDouble(dx);
        e.p1.y -= fixedFromDouble(dy);
        e.p2.x += fixedFromDouble(dx);
        e.p2.y += fixedFromDouble(dy);
        if (!reachesPage(IntRect::roundOut(e))) {
            return;
        }
        if (!paint.isSupported() || state->getBlendMode() != gfxBlendNormal) {
            otherCommand();
            return;
        }
        double scale = std::max({ std::fabs(ctm.xx), std::fabs(ctm.yy), 1e-6 });
        PaintOp op { std::move(path), clipState, paint, width * scale };
        // cairo's recording surface replays a fill directly followed by a
        // stroke of the same path under the same clip as one operation.
        if (pendingFill && pendingFill->path == op.path && pendingFill->clip == op.clip) {
            emit(pendingFill->path, !pendingFill->paint.isLight(), !op.paint.isLight(), op.lineWidth);
            pendingFill.reset();
            return;
        }
        flushPending();
        emit(op.path, false, !op.paint.isLight(), op.lineWidth);
    }

    // CairoOutputDev::fillToStrokePathClip: the area is painted by stroking
    // the path that was made the clip.
    void strokeThroughClip(GfxState *state, const Paint &paint)
    {
        const StrokePathClip &spc = *strokePathClip;
        FixedPath path = buildPath(spc.path.get(), spc.ctm, false);
        recordStroke(std::move(path), spc.ctm, spc.lineWidth, spc.cap, spc.join, spc.miter, paint, state);
    }

    // CairoOutputDev fills the clip's bounding box with a mesh pattern.
    void meshFill()
    {
        fillPaint = Paint::of(Paint::Mesh);
        otherCommand();
    }

    // An inline image's data is read by whoever draws it; the interpreter
    // continues after it.
    static void skipInline(Stream *str, int64_t bytes)
    {
        str->reset();
        for (int64_t i = 0; i < bytes; ++i) {
            str->getChar();
        }
        str->close();
    }

    // Something else is painted on the page here (text, a picture, a
    // group): a fill before it is not merged with a stroke after it.
    void otherCommand()
    {
        if (groupDepth == 0) {
            flushPending();
        }
    }

    void flushPending()
    {
        if (pendingFill) {
            emit(pendingFill->path, !pendingFill->paint.isLight(), false, 0);
            pendingFill.reset();
        }
    }

    // The subpaths as kinerja reads a path: closed subpaths end back at
    // their start, and curves split a subpath (only straight runs count).
    void emit(const FixedPath &path, bool filled, bool stroked, double width)
    {
        kj_painted_path painted;
        painted.filled = filled;
        painted.stroked = stroked;
        painted.line_width = stroked ? width : 0;
        painted.first_run = static_cast<uint32_t>(runs.size());

        std::vector<Point> run;
        bool haveStart = false;
        Point start;
        auto flush = [&]() {
            if (run.size() > 1) {
                runs.push_back({ static_cast<uint32_t>(points.size() / 2), static_cast<uint32_t>(run.size()) });
                for (const Point &p : run) {
                    points.push_back(fixedToDouble(p.x));
                    points.push_back(fixedToDouble(p.y));
                }
            }
            run.clear();
        };
        size_t k = 0;
        for (FixedPath::Op op : path.ops) {
            switch (op) {
            case FixedPath::MoveTo:
                flush();
                start = path.points[k++];
                haveStart = true;
                run.push_back(start);
                break;
            case FixedPath::LineTo:
                run.push_back(path.points[k++]);
                break;
            case FixedPath::CurveTo:
                flush();
                run.push_back(path.points[k + 2]);
                k += 3;
                break;
            case FixedPath::ClosePath:
                if (haveStart) {
                    run.push_back(start);
                }
                flush();
                if (haveStart) {
                    run.push_back(start);
                }
                break;
            }
        }
        flush();
        painted.run_count = static_cast<uint32_t>(runs.size()) - painted.first_run;
        if (painted.run_count > 0) {
            paths.push_back(painted);
        }
    }
};

void silentErrors(ErrorCategory, Goffset, const char *) { }

} // namespace

struct kj_path_document
{
    std::unique_ptr<GlobalParamsIniter> initer;
    std::unique_ptr<PDFDoc> doc;
    PathDevice device;
};

extern "C" {

kj_path_document *kj_path_document_open(const void *bytes, size_t length)
{
    auto document = std::make_unique<kj_path_document>();
    document->initer = std::make_unique<GlobalParamsIniter>(silentErrors);
    auto *stream = new MemStream(static_cast<const char *>(bytes), 0, static_cast<Goffset>(length), Object(objNull));
    document->doc = std::make_unique<PDFDoc>(stream);
    if (!document->doc->isOk()) {
        return nullptr;
    }
    return document.release();
}

void kj_path_document_close(kj_path_document *document)
{
    delete document;
}

int kj_path_document_page_count(kj_path_document *document)
{
    return document->doc->getNumPages();
}

int kj_path_document_collect(kj_path_document *document, int number, kj_page_paths *out)
{
    PDFDoc &doc = *document->doc;
    if (number < 1 || number > doc.getNumPages()) {
        return -1;
    }
    Page *page = doc.getPage(number);
    if (!page) {
        return -1;
    }
    // The page size poppler-glib reports: the crop box, turned with the page.
    double width = page->getCropWidth(), height = page->getCropHeight();
    int rotate = page->getRotate();
    if (rotate == 90 || rotate == 270) {
        std::swap(width, height);
    }
    PathDevice &device = document->device;
    device.beginPage(width, height);
    // As poppler_page_render: 72 dpi, crop box, annotations drawn.
    doc.displayPageSlice(&device, number, 72.0, 72.0, 0, false, true, false, -1, -1, -1, -1);
    device.finishPage();
    out->paths = device.paths.data();
    out->path_count = device.paths.size();
    out->runs = device.runs.data();
    out->run_count = device.runs.size();
    out->points = device.points.data();
    out->point_count = device.points.size() / 2;
    return 0;
}

} // extern "C"
