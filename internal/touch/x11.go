//go:build (linux || freebsd || netbsd || openbsd || dragonfly) && !android && cgo && !no_touch

package touch

/*
#cgo LDFLAGS: -lX11 -ldl
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>
#include <X11/Xlib.h>
#include <X11/Xlibint.h>
#include <X11/extensions/XInput2.h>

// libXi is opened at run time, as GLFW does, so the binary needs no more libraries than
// before; without it the layer does nothing.
typedef struct {
	void *lib;
	Status (*QueryVersion)(Display*, int*, int*);
	int (*SelectEvents)(Display*, Window, XIEventMask*, int);
	XIDeviceInfo* (*QueryDevice)(Display*, int, int*);
	void (*FreeDeviceInfo)(XIDeviceInfo*);
	Status (*GetProperty)(Display*, int, Atom, long, long, Bool, Atom, Atom*, int*,
		unsigned long*, unsigned long*, unsigned char**);
} xt_xi;

typedef struct {
	Display *dpy;
	xt_xi xi;
	int opcode;
	Window root;
	Atom ctm, float_type;
	int pipe_r, pipe_w;
} xt_conn;

// X errors on this connection are counted and dropped here rather than going to the
// process's error handler, which exits by default (and which GLFW resets to the default after
// each of its own uses, so one of ours could not stay installed). Xlib lets a display override
// the conversion of each error code; returning False drops the error.
static volatile int xt_errors;
static volatile int xt_last_error;

static Bool xt_drop_error(Display *dpy, XErrorEvent *he, xError *we) {
	__sync_fetch_and_add(&xt_errors, 1);
	xt_last_error = we->errorCode;
	return False;
}

static int xt_error_count(void) { return __sync_fetch_and_add(&xt_errors, 0); }
static int xt_last_error_code(void) { return xt_last_error; }

static void *xt_sym(void *lib, const char *name, int *missing) {
	void *p = dlsym(lib, name);
	if (!p) *missing = 1;
	return p;
}

// xt_open opens the display and checks for XInput 2.2: 0 on success, else a step number
// for the Go side's message.
static int xt_open(xt_conn *c, const char *name, int *major, int *minor) {
	memset(c, 0, sizeof *c);
	c->pipe_r = c->pipe_w = -1;
	c->xi.lib = dlopen("libXi.so.6", RTLD_LAZY | RTLD_LOCAL);
	if (!c->xi.lib) return 1;
	int missing = 0;
	c->xi.QueryVersion = xt_sym(c->xi.lib, "XIQueryVersion", &missing);
	c->xi.SelectEvents = xt_sym(c->xi.lib, "XISelectEvents", &missing);
	c->xi.QueryDevice = xt_sym(c->xi.lib, "XIQueryDevice", &missing);
	c->xi.FreeDeviceInfo = xt_sym(c->xi.lib, "XIFreeDeviceInfo", &missing);
	c->xi.GetProperty = xt_sym(c->xi.lib, "XIGetProperty", &missing);
	if (missing) return 2;
	c->dpy = XOpenDisplay(name);
	if (!c->dpy) return 3;
	for (int code = 1; code < 256; code++)
		XESetWireToError(c->dpy, code, xt_drop_error);
	int event, error;
	if (!XQueryExtension(c->dpy, "XInputExtension", &c->opcode, &event, &error)) return 4;
	*major = 2; *minor = 2;
	if (c->xi.QueryVersion(c->dpy, major, minor) != Success) return 5;
	if (*major < 2 || (*major == 2 && *minor < 2)) return 5;
	c->root = DefaultRootWindow(c->dpy);
	c->ctm = XInternAtom(c->dpy, "Coordinate Transformation Matrix", True);
	c->float_type = XInternAtom(c->dpy, "FLOAT", True);
	int fds[2];
	if (pipe(fds) != 0) return 6;
	c->pipe_r = fds[0]; c->pipe_w = fds[1];
	return 0;
}

// xt_select selects the raw touch events and the device changes on the root window, and the
// root window's size changes; it returns the number of X errors it caused.
static int xt_select(xt_conn *c) {
	int before = xt_error_count();
	unsigned char bits[XIMaskLen(XI_LASTEVENT)];
	memset(bits, 0, sizeof bits);
	XISetMask(bits, XI_RawTouchBegin);
	XISetMask(bits, XI_RawTouchUpdate);
	XISetMask(bits, XI_RawTouchEnd);
	XISetMask(bits, XI_HierarchyChanged);
	XISetMask(bits, XI_DeviceChanged);
	XIEventMask m = { XIAllDevices, sizeof bits, bits };
	c->xi.SelectEvents(c->dpy, c->root, &m, 1);
	XSelectInput(c->dpy, c->root, StructureNotifyMask);
	XSync(c->dpy, False);
	return xt_error_count() - before;
}

static void xt_root_size(xt_conn *c, int *w, int *h) {
	Window r; int x, y; unsigned int ww = 0, hh = 0, b, d;
	if (XGetGeometry(c->dpy, c->root, &r, &x, &y, &ww, &hh, &b, &d)) { *w = ww; *h = hh; }
}

typedef struct {
	int id, master, direct, has_x, has_y, has_matrix;
	double min_x, max_x, min_y, max_y;
	float matrix[9];
	char name[64];
} xt_device;

// xt_parse_device reads a device's name, use and classes; it returns 1 for a master device
// or a device with a touch class (the ones the tracker needs), 0 for the others.
static int xt_parse_device(XIDeviceInfo *d, xt_device *o) {
	memset(o, 0, sizeof *o);
	o->id = d->deviceid;
	o->master = d->use == XIMasterPointer || d->use == XIMasterKeyboard;
	strncpy(o->name, d->name ? d->name : "", sizeof o->name - 1);
	int touch = 0;
	for (int k = 0; k < d->num_classes; k++) {
		XIAnyClassInfo *cl = d->classes[k];
		if (cl->type == XITouchClass) {
			touch = 1;
			o->direct = ((XITouchClassInfo*)cl)->mode == XIDirectTouch;
		} else if (cl->type == XIValuatorClass) {
			XIValuatorClassInfo *v = (XIValuatorClassInfo*)cl;
			if (v->number == 0) { o->has_x = 1; o->min_x = v->min; o->max_x = v->max; }
			if (v->number == 1) { o->has_y = 1; o->min_y = v->min; o->max_y = v->max; }
		}
	}
	return o->master || touch;
}

// xt_matrix reads the device's "Coordinate Transformation Matrix" into o, if it has one.
static void xt_matrix(xt_conn *c, int id, xt_device *o) {
	if (c->ctm == None || c->float_type == None) return;
	Atom type; int format; unsigned long items, after; unsigned char *data = NULL;
	if (c->xi.GetProperty(c->dpy, id, c->ctm, 0, 9, False, c->float_type,
			&type, &format, &items, &after, &data) != Success || !data) return;
	// Unlike XGetWindowProperty, which returns format 32 data as longs, libXi returns it
	// packed, 4 bytes an item (TestX11ReadsTheMatrix reads a matrix set with xinput).
	if (type == c->float_type && format == 32 && items == 9) {
		memcpy(o->matrix, data, sizeof o->matrix);
		o->has_matrix = 1;
	}
	XFree(data);
}

// xt_devices fills at most max touch devices and the master devices, with each touch
// device's transformation matrix; it returns their number.
static int xt_devices(xt_conn *c, xt_device *out, int max) {
	int n = 0, count = 0;
	XIDeviceInfo *info = c->xi.QueryDevice(c->dpy, XIAllDevices, &n);
	if (!info) return 0;
	for (int i = 0; i < n && count < max; i++) {
		XIDeviceInfo *d = &info[i];
		xt_device *o = &out[count];
		if (!xt_parse_device(d, o)) continue;
		if (!o->master) xt_matrix(c, d->deviceid, o);
		count++;
	}
	c->xi.FreeDeviceInfo(info);
	return count;
}

typedef struct {
	int kind; // 1 raw touch, 2 devices changed, 3 root resized
	int evtype, deviceid, sourceid;
	unsigned int detail;
	int mask_len, nvalues;
	unsigned char mask[8];
	double values[64];
	int w, h;
} xt_event;

// xt_copy_raw copies a raw event: its ids and, of its valuators, the mask and the
// untransformed values (raw_values: in the device's units, before the server applies the
// transformation matrix, which the tracker applies itself).
static void xt_copy_raw(XIRawEvent *r, xt_event *ev) {
	ev->evtype = r->evtype; ev->deviceid = r->deviceid; ev->sourceid = r->sourceid;
	ev->detail = (unsigned int)r->detail;
	int ml = r->valuators.mask_len;
	if (ml > (int)sizeof ev->mask) ml = sizeof ev->mask;
	if (ml < 0) ml = 0;
	memcpy(ev->mask, r->valuators.mask, ml);
	ev->mask_len = ml;
	int nv = 0;
	for (int bit = 0; bit < ml * 8 && nv < 64; bit++)
		if (XIMaskIsSet(ev->mask, bit)) { ev->values[nv] = r->raw_values[nv]; nv++; }
	ev->nvalues = nv;
}

// The tests' ways into the two decoders, with structures made as libXi makes them.
static void xt_test_raw(int evtype, int dev, int src, int detail, unsigned char *mask, int mask_len,
		double *values, double *raw, xt_event *ev) {
	XIRawEvent r;
	memset(&r, 0, sizeof r);
	r.evtype = evtype; r.deviceid = dev; r.sourceid = src; r.detail = detail;
	r.valuators.mask = mask; r.valuators.mask_len = mask_len; r.valuators.values = values;
	r.raw_values = raw;
	memset(ev, 0, sizeof *ev);
	xt_copy_raw(&r, ev);
}

static int xt_test_device(int id, int use, int touch_mode, double minx, double maxx, double miny,
		double maxy, xt_device *o) {
	XIValuatorClassInfo vx = { XIValuatorClass, id, 0, None, minx, maxx, 0, 1, XIModeAbsolute };
	XIValuatorClassInfo vy = { XIValuatorClass, id, 1, None, miny, maxy, 0, 1, XIModeAbsolute };
	XIValuatorClassInfo vp = { XIValuatorClass, id, 2, None, 0, 255, 0, 1, XIModeAbsolute };
	XITouchClassInfo tc = { XITouchClass, id, touch_mode, 10 };
	XIButtonClassInfo bc = { XIButtonClass, id, 0, NULL, { 0, NULL } };
	XIAnyClassInfo *classes[] = { (XIAnyClassInfo*)&bc, (XIAnyClassInfo*)&vp, (XIAnyClassInfo*)&vy,
		(XIAnyClassInfo*)&vx, (XIAnyClassInfo*)&tc };
	XIDeviceInfo d = { id, "Test touch", use, 2, True, touch_mode ? 5 : 4, classes };
	return xt_parse_device(&d, o);
}

// xt_next waits for the next event of interest: 1 and ev filled, 0 when the pipe was
// written to (stop), -1 when the connection failed.
static int xt_next(xt_conn *c, xt_event *ev) {
	int xfd = ConnectionNumber(c->dpy);
	for (;;) {
		while (XPending(c->dpy) > 0) {
			XEvent e;
			XNextEvent(c->dpy, &e);
			memset(ev, 0, sizeof *ev);
			if (e.type == ConfigureNotify && e.xconfigure.window == c->root) {
				ev->kind = 3; ev->w = e.xconfigure.width; ev->h = e.xconfigure.height;
				return 1;
			}
			XGenericEventCookie *ck = &e.xcookie;
			if (ck->type != GenericEvent || ck->extension != c->opcode || !XGetEventData(c->dpy, ck))
				continue;
			int kind = 0;
			switch (ck->evtype) {
			case XI_RawTouchBegin: case XI_RawTouchUpdate: case XI_RawTouchEnd:
				kind = 1;
				xt_copy_raw(ck->data, ev);
				break;
			case XI_HierarchyChanged:
				kind = 2;
				break;
			case XI_DeviceChanged:
				// A master pointer switching to another of its devices (SlaveSwitch), as it
				// does whenever mouse and touch screen take turns, changes no device.
				if (((XIDeviceChangedEvent*)ck->data)->reason == XIDeviceChange) kind = 2;
				break;
			}
			XFreeEventData(c->dpy, ck);
			if (kind) { ev->kind = kind; return 1; }
		}
		struct pollfd p[2] = { { xfd, POLLIN, 0 }, { c->pipe_r, POLLIN, 0 } };
		if (poll(p, 2, -1) < 0) continue; // EINTR
		if (p[1].revents) return 0;
		if (p[0].revents & (POLLERR | POLLHUP | POLLNVAL)) return -1;
	}
}

// xt_provoke_error makes an X error on purpose (a selection on a window that does not
// exist) and returns the number of errors counted meanwhile: the tests' proof that an error
// on the layer's connection does not reach Xlib's handler, which would end the process.
static int xt_provoke_error(xt_conn *c) {
	int before = xt_error_count();
	XSelectInput(c->dpy, (Window)0x1fffffff, StructureNotifyMask);
	XSync(c->dpy, False);
	return xt_error_count() - before;
}

static uintptr_t xt_thread(void) { return (uintptr_t)pthread_self(); }

static void xt_wake(xt_conn *c) { if (c->pipe_w >= 0) { char b = 1; (void)!write(c->pipe_w, &b, 1); } }

static void xt_close(xt_conn *c, int close_display) {
	if (c->dpy && close_display) XCloseDisplay(c->dpy);
	c->dpy = NULL;
	if (c->pipe_r >= 0) close(c->pipe_r);
	if (c->pipe_w >= 0) close(c->pipe_w);
	c->pipe_r = c->pipe_w = -1;
	// libXi stays loaded: its hooks may be registered on other displays of the process.
}
*/
import "C"

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"
)

// X11 is the X11 platform layer: a connection of its own to the X server, listening for the
// raw touch events of every touch screen (XInput 2.2, selected on the root window), on a
// goroutine that Close stops.
type X11 struct {
	c       *C.xt_conn
	tracker *Tracker
	sink    func(Event)
	status  func(string)
	done    chan struct{}
	said    string       // the last status reported
	queries atomic.Int64 // device queries made (tests)
	broken  bool         // the connection failed: closing it would make Xlib exit the process
	once    sync.Once
}

// ErrNoTouch says why the layer cannot run: no XInput 2.2, no libXi, no display.
var ErrNoTouch = errors.New("no touch layer")

// StartX11 connects to the X display name (the same display as the window's; "" for
// $DISPLAY), selects the raw touch events and starts reading them. sink receives each touch
// event on the reader goroutine, in screen pixels; status, if not nil, receives a line on what
// the layer found (the touch screens, those it skips and why) at the start and whenever the
// devices change. It returns an error wrapping ErrNoTouch, and starts nothing, when the server
// has no XInput 2.2 or the connection fails.
func StartX11(name string, sink func(Event), status func(string)) (*X11, error) {
	c := (*C.xt_conn)(C.calloc(1, C.size_t(unsafe.Sizeof(C.xt_conn{}))))
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	var major, minor C.int
	if name == "" {
		cname = nil
	}
	if step := C.xt_open(c, cname, &major, &minor); step != 0 {
		why := map[C.int]string{
			1: "libXi.so.6 is not installed",
			2: "libXi.so.6 lacks the XInput 2 calls",
			3: fmt.Sprintf("cannot open display %q", name),
			4: "the X server has no XInput extension",
			5: fmt.Sprintf("the X server has XInput %d.%d, touch needs 2.2", major, minor),
			6: "cannot make a pipe",
		}[step]
		C.xt_close(c, 1)
		C.free(unsafe.Pointer(c))
		return nil, fmt.Errorf("%w: %s", ErrNoTouch, why)
	}
	if n := C.xt_select(c); n != 0 {
		C.xt_close(c, 1)
		C.free(unsafe.Pointer(c))
		return nil, fmt.Errorf("%w: selecting the raw touch events failed with X error %d", ErrNoTouch, int(C.xt_last_error_code()))
	}
	if sink == nil {
		sink = func(Event) {}
	}
	x := &X11{c: c, sink: sink, status: status, done: make(chan struct{})}
	var w, h C.int
	C.xt_root_size(c, &w, &h)
	x.tracker = NewTracker(float64(w), float64(h))
	x.query()
	go x.run()
	return x, nil
}

// query asks the server for the devices and gives them to the tracker.
func (x *X11) query() {
	x.queries.Add(1)
	var devs [64]C.xt_device
	n := int(C.xt_devices(x.c, &devs[0], C.int(len(devs))))
	var list []Device
	for _, d := range devs[:n] {
		list = append(list, deviceFromC(&d))
	}
	ended, used, skipped := x.tracker.SetDevices(list)
	for _, e := range ended {
		x.sink(e)
	}
	if s := describe(used, skipped); x.status != nil && s != x.said {
		x.said = s
		x.status(s)
	}
}

func deviceFromC(d *C.xt_device) Device {
	dev := Device{ID: int(d.id), Name: C.GoString(&d.name[0]), Master: d.master != 0, Direct: d.direct != 0}
	if d.has_x != 0 && d.has_y != 0 {
		dev.MinX, dev.MaxX, dev.MinY, dev.MaxY = float64(d.min_x), float64(d.max_x), float64(d.min_y), float64(d.max_y)
	}
	if d.has_matrix != 0 {
		for i := range dev.Matrix {
			dev.Matrix[i] = float64(d.matrix[i])
		}
	}
	return dev
}

func describe(used []Device, skipped []string) string {
	s := "touch: XInput 2.2; "
	if len(used) == 0 {
		s += "no touch screen yet (listening for one to be plugged in)"
	} else {
		s += "touch screens:"
		for i, d := range used {
			if i > 0 {
				s += ","
			}
			s += fmt.Sprintf(" %s (%d, x %g–%g, y %g–%g)", d.Name, d.ID, d.MinX, d.MaxX, d.MinY, d.MaxY)
			if d.Matrix != ([9]float64{}) && d.Matrix != ([9]float64{1, 0, 0, 0, 1, 0, 0, 0, 1}) {
				s += fmt.Sprintf(" matrix %v", d.Matrix)
			}
		}
	}
	for _, k := range skipped {
		s += "; skipped " + k
	}
	return s
}

func (x *X11) run() {
	defer close(x.done)
	var ev C.xt_event
	for {
		switch C.xt_next(x.c, &ev) {
		case 0:
			return
		case -1:
			x.broken = true
			if x.status != nil {
				x.status("touch: the X connection failed; the touch layer stopped")
			}
			return
		}
		switch ev.kind {
		case 1:
			x.handle(&ev)
		case 2:
			x.query()
		case 3:
			x.tracker.SetScreen(float64(ev.w), float64(ev.h))
		}
	}
}

func (x *X11) handle(ev *C.xt_event) {
	r := rawFromC(ev)
	events, query := x.tracker.Handle(r)
	if query {
		x.query()
		events, _ = x.tracker.Handle(r)
	}
	for _, e := range events {
		x.sink(e)
	}
}

func rawFromC(ev *C.xt_event) Raw {
	r := Raw{Device: int(ev.deviceid), Source: int(ev.sourceid), Touch: uint32(ev.detail)}
	switch ev.evtype {
	case C.XI_RawTouchBegin:
		r.Phase = Begin
	case C.XI_RawTouchUpdate:
		r.Phase = Update
	default:
		r.Phase = End
	}
	r.Mask = C.GoBytes(unsafe.Pointer(&ev.mask[0]), ev.mask_len)
	r.Values = make([]float64, int(ev.nvalues))
	for i := range r.Values {
		r.Values[i] = float64(ev.values[i])
	}
	return r
}

// decodeRaw runs the C decoding of a raw event made as libXi makes it (tests): values are
// the transformed valuators, raw the untransformed ones, in the order of the mask's bits.
func decodeRaw(evtype, dev, src int, detail uint32, mask []byte, values, raw []float64) Raw {
	var ev C.xt_event
	cm := C.CBytes(append(mask, 0))
	defer C.free(cm)
	n := len(raw) + 1
	cv := (*C.double)(C.calloc(C.size_t(n), 8))
	cr := (*C.double)(C.calloc(C.size_t(n), 8))
	defer C.free(unsafe.Pointer(cv))
	defer C.free(unsafe.Pointer(cr))
	vs, rs := unsafe.Slice(cv, n), unsafe.Slice(cr, n)
	for i := range raw {
		vs[i], rs[i] = C.double(values[i]), C.double(raw[i])
	}
	C.xt_test_raw(C.int(evtype), C.int(dev), C.int(src), C.int(detail), (*C.uchar)(cm), C.int(len(mask)), cv, cr, &ev)
	return rawFromC(&ev)
}

// decodeDevice runs the C decoding of a device's classes made as libXi makes them (tests):
// a button class, valuators 2, 1 and 0 in that order, and a touch class unless touchMode is 0.
func decodeDevice(id, use, touchMode int, minX, maxX, minY, maxY float64) (Device, bool) {
	var d C.xt_device
	keep := C.xt_test_device(C.int(id), C.int(use), C.int(touchMode), C.double(minX), C.double(maxX), C.double(minY), C.double(maxY), &d)
	return deviceFromC(&d), keep != 0
}

// The XI2 constants the tests use.
const (
	xiRawTouchBegin  = C.XI_RawTouchBegin
	xiRawTouchUpdate = C.XI_RawTouchUpdate
	xiRawTouchEnd    = C.XI_RawTouchEnd
	xiMasterPointer  = C.XIMasterPointer
	xiSlavePointer   = C.XISlavePointer
	xiFloatingSlave  = C.XIFloatingSlave
	xiDirectTouch    = C.XIDirectTouch
	xiDependentTouch = C.XIDependentTouch
)

// Close stops the reader and closes the connection; the sink gets no event after it returns.
// It may be called more than once.
func (x *X11) Close() {
	x.once.Do(func() {
		C.xt_wake(x.c)
		<-x.done
		closeDisplay := C.int(1)
		if x.broken {
			closeDisplay = 0
		}
		C.xt_close(x.c, closeDisplay)
		C.free(unsafe.Pointer(x.c))
	})
}

// withConn runs f on a connection of its own to display name, without a reader (tests).
func withConn(name string, f func(c *C.xt_conn)) error {
	c := (*C.xt_conn)(C.calloc(1, C.size_t(unsafe.Sizeof(C.xt_conn{}))))
	defer C.free(unsafe.Pointer(c))
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	var major, minor C.int
	step := C.xt_open(c, cname, &major, &minor)
	defer C.xt_close(c, 1)
	if step != 0 {
		return fmt.Errorf("open step %d", int(step))
	}
	f(c)
	return nil
}

// provokeXError makes an X error on a connection of its own to display name; it returns the
// number of errors dropped meanwhile (tests).
func provokeXError(name string) (n int, err error) {
	err = withConn(name, func(c *C.xt_conn) { n = int(C.xt_provoke_error(c)) })
	return n, err
}

// matrixOn reads device id's transformation matrix on a connection of its own to display
// name (tests).
func matrixOn(name string, id int) (m [9]float64, found bool, err error) {
	err = withConn(name, func(c *C.xt_conn) {
		var d C.xt_device
		C.xt_matrix(c, C.int(id), &d)
		m, found = deviceFromC(&d).Matrix, d.has_matrix != 0
	})
	return m, found, err
}

// ThreadID identifies the OS thread the caller runs on (pthread_self). main compares it with
// the UI thread's: once the app has quit, fyne.Do runs a function on the caller's goroutine
// rather than the UI thread's, and a touch delivered then must do nothing.
func ThreadID() uintptr { return uintptr(C.xt_thread()) }

// Errors returns the number of X errors the layers' connections have had (and dropped).
func Errors() int { return int(C.xt_error_count()) }
