# Renders the hand-drawn SVG to PNGs with librsvg through ctypes (no rsvg-convert here).
# Run after editing ridgeworks.svg:  python3 render_pngs.py ridgeworks.svg .
# Needs only librsvg and cairo (shared libraries); Qt here has no SVG module, so the
# window icon is loaded from these PNGs.
import ctypes, sys
rsvg = ctypes.CDLL("librsvg-2.so.2"); cairo = ctypes.CDLL("libcairo.so.2")
rsvg.rsvg_handle_new_from_file.restype = ctypes.c_void_p
rsvg.rsvg_handle_new_from_file.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
cairo.cairo_image_surface_create.restype = ctypes.c_void_p
cairo.cairo_create.restype = ctypes.c_void_p
cairo.cairo_create.argtypes = [ctypes.c_void_p]
cairo.cairo_scale.argtypes = [ctypes.c_void_p, ctypes.c_double, ctypes.c_double]
cairo.cairo_surface_write_to_png.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
rsvg.rsvg_handle_render_cairo.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
src, outdir = sys.argv[1], sys.argv[2]
err = ctypes.c_void_p()
h = rsvg.rsvg_handle_new_from_file(src.encode(), ctypes.byref(err))
assert h, "parse failed"
for size in [16, 32, 48, 64, 128, 256]:
    surf = cairo.cairo_image_surface_create(0, size, size)  # ARGB32
    cr = cairo.cairo_create(surf)
    cairo.cairo_scale(cr, size / 256.0, size / 256.0)
    assert rsvg.rsvg_handle_render_cairo(h, cr)
    cairo.cairo_surface_write_to_png(surf, f"{outdir}/ridgeworks-{size}.png".encode())
