// Package teamfile is the file format of a team's shared folder: the folder
// a team's sync service (Dropbox, OneDrive, Syncthing, an SMB share…)
// already replicates between their laptops, and which carries one board
// across them with no server.
//
// The sync service is trusted to copy bytes, nothing more: it may deliver a
// file half copied, keep old versions, or let anyone with access to the
// folder change, move or replay files. So every file here is
//
//   - written by one device only, into its own folder
//     <folder>/devices/<device id>/, and never changed once it has its name
//     (Write refuses to replace a file), so the sync service never sees two
//     writers on one file;
//   - signed with the writing device's ed25519 key, over the whole file, so
//     a teammate cannot forge another device's files;
//   - for the kinds that carry board data (segment, snapshot), encrypted
//     with XChaCha20-Poly1305 under the team's data key of one epoch, the
//     header as additional data;
//   - named after its header, <kind>-<epoch>-<seq>.sb, and the header's
//     device, kind, epoch and sequence number are under the signature, so a
//     file moved to another device's folder or renamed is refused.
//
// Open checks all of that and says, with a Reason that errors.Is can test
// and whose Action tells the sync pass what to do, why a file cannot be
// used: partial (try again later), tampered, moved, from a removed device
// (refuse), from an unknown device, of an unknown key epoch, or written by a
// newer app (hold). Cursor adds the one check that needs state: a sequence
// number already applied is a replay, one past the next is a gap.
//
// Data keys are random 32-byte keys, one per epoch; WrapKey wraps one with
// age for the X25519 recipient of each device of the team, and a "keys"
// file carries the result. A device removed from the team is left out of
// the next epoch's recipients, so it cannot read what is written after.
//
// The package does no change capture, no sync and no SQL: it is the
// foundation those build on. docs/team-folder.md describes the layout.
package teamfile
