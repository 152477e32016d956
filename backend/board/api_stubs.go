package board

import "errors"

// Placeholder bodies fixing the API contract; each is replaced by its
// real implementation in its own file, and this file is deleted.
var errTODO = errors.New("not implemented yet")

// ListMembers returns the page of members matching q.
func (s *Service) ListMembers(q MemberQuery) (MemberPage, error) { return MemberPage{}, errTODO }

// GetMember returns a member with consents, timeline and rewards.
func (s *Service) GetMember(id int64) (MemberDetail, error) { return MemberDetail{}, errTODO }

// CreateMember validates and adds a member.
func (s *Service) CreateMember(in MemberInput) (Member, error) { return Member{}, errTODO }

// UpdateMember validates and replaces a member's fields.
func (s *Service) UpdateMember(id int64, in MemberInput) (Member, error) { return Member{}, errTODO }

// ArchiveMember hides a member from the board; reversible.
func (s *Service) ArchiveMember(id int64) (Member, error) { return Member{}, errTODO }

// RestoreMember brings an archived member back.
func (s *Service) RestoreMember(id int64) (Member, error) { return Member{}, errTODO }

// SetConsent grants or renews one kind of consent.
func (s *Service) SetConsent(memberID int64, in ConsentInput) (Consent, error) {
	return Consent{}, errTODO
}

// RevokeConsent revokes one kind of consent as of today.
func (s *Service) RevokeConsent(memberID int64, kind string) (Consent, error) {
	return Consent{}, errTODO
}

// AddTouchpoint logs a touchpoint in a member's history.
func (s *Service) AddTouchpoint(memberID int64, in TouchpointInput) (Touchpoint, error) {
	return Touchpoint{}, errTODO
}

// DeleteTouchpoint removes a touchpoint logged by mistake.
func (s *Service) DeleteTouchpoint(id int64) error { return errTODO }

// AddReward records a reward given to a member.
func (s *Service) AddReward(memberID int64, in RewardInput) (Reward, error) {
	return Reward{}, errTODO
}

// DeleteReward removes a reward recorded by mistake.
func (s *Service) DeleteReward(id int64) error { return errTODO }

// ListSegments returns all segments with member counts.
func (s *Service) ListSegments() ([]Segment, error) { return nil, errTODO }

// SaveSegment creates (ID 0) or updates a segment.
func (s *Service) SaveSegment(in SegmentInput) (Segment, error) { return Segment{}, errTODO }

// DeleteSegment removes a segment; its members keep no segment.
func (s *Service) DeleteSegment(id int64) error { return errTODO }

// ListTags returns tags in use with member counts.
func (s *Service) ListTags() ([]TagCount, error) { return nil, errTODO }

// Composition returns the board by segment and status, with warnings.
func (s *Service) Composition() (Composition, error) { return Composition{}, errTODO }

// PreviewImport parses a contact file and reports every row's problems,
// writing nothing.
func (s *Service) PreviewImport(req ImportRequest) (ImportPreview, error) {
	return ImportPreview{}, errTODO
}

// Import writes every row of a contact file, or nothing if any row has a problem.
func (s *Service) Import(req ImportRequest) (ImportResult, error) { return ImportResult{}, errTODO }

// Export renders the members matching q as csv, json or vcf.
func (s *Service) Export(format string, q MemberQuery) (ExportFile, error) {
	return ExportFile{}, errTODO
}

// LoadDemo fills an empty board with a realistic sample board.
func (s *Service) LoadDemo() (DemoResult, error) { return DemoResult{}, errTODO }
