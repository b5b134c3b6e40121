// Package timeline is the chronicle of Frontline Atlas and its time axis, in plain Go.
//
// The chronicle: a content pack (docs/content-format.md) holds items of seven kinds — events,
// people, awards, places, organizations, veterans and sources — each a struct in a file of its
// own (event.go, person.go, …) that implements Item. LoadFS and LoadDir read and validate a
// pack, listing every problem at once (PackError), and return a Catalog: every item by kind and
// id with its links resolved both ways, search over names and aliases, and what a Filter shows.
// ValidID is the one rule for ids.
//
// The time axis: Date (a day, a month or a year, possibly approximate) and Day, the Scale that
// maps days to pixels, the ticks of the axis, the lane Layout of the events, and Playback.
package timeline
