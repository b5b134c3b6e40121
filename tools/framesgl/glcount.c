// LD_PRELOAD shim for tools/frames-gl.sh: at each glClear (one a frame), the draw calls and the
// bytes of texture uploaded since the last, to $GLCOUNT: "realtime_ns draws tex_bytes" (RGBA
// assumed). go-gl looks GL functions up with glXGetProcAddress, which this wraps.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
typedef unsigned int GLenum; typedef int GLint; typedef int GLsizei; typedef unsigned int GLbitfield;
typedef void *(*gpa_fn)(const unsigned char *);
static gpa_fn real_gpa, real_gpa_arb;
static void (*real_draw)(GLenum, GLint, GLsizei);
static void (*real_tex)(GLenum, GLint, GLint, GLsizei, GLsizei, GLint, GLenum, GLenum, const void *);
static void (*real_sub)(GLenum, GLint, GLint, GLint, GLsizei, GLsizei, GLenum, GLenum, const void *);
static void (*real_clear)(GLbitfield);
static long long draws, bytes; static FILE *out;
static void w_draw(GLenum m, GLint f, GLsizei c) { draws++; real_draw(m, f, c); }
static void w_tex(GLenum t, GLint l, GLint i, GLsizei w, GLsizei h, GLint b, GLenum f, GLenum ty, const void *p) { bytes += (long long)w * h * 4; real_tex(t, l, i, w, h, b, f, ty, p); }
static void w_sub(GLenum t, GLint l, GLint x, GLint y, GLsizei w, GLsizei h, GLenum f, GLenum ty, const void *p) { bytes += (long long)w * h * 4; real_sub(t, l, x, y, w, h, f, ty, p); }
static void w_clear(GLbitfield m) {
  struct timespec ts; clock_gettime(CLOCK_REALTIME, &ts);
  if (!out) { const char *p = getenv("GLCOUNT"); out = fopen(p ? p : "/tmp/glcount.txt", "w"); }
  if (out) { fprintf(out, "%lld %lld %lld\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec, draws, bytes); fflush(out); }
  draws = 0; bytes = 0; real_clear(m);
}
static void *wrap(const char *n, void *p) {
  if (!p) return p;
  if (!strcmp(n, "glDrawArrays")) { real_draw = p; return (void *)w_draw; }
  if (!strcmp(n, "glTexImage2D")) { real_tex = p; return (void *)w_tex; }
  if (!strcmp(n, "glTexSubImage2D")) { real_sub = p; return (void *)w_sub; }
  if (!strcmp(n, "glClear")) { real_clear = p; return (void *)w_clear; }
  return p;
}
void *glXGetProcAddress(const unsigned char *n) {
  if (!real_gpa) real_gpa = (gpa_fn)dlsym(RTLD_NEXT, "glXGetProcAddress");
  return wrap((const char *)n, real_gpa(n));
}
void *glXGetProcAddressARB(const unsigned char *n) {
  if (!real_gpa_arb) real_gpa_arb = (gpa_fn)dlsym(RTLD_NEXT, "glXGetProcAddressARB");
  return wrap((const char *)n, real_gpa_arb(n));
}
