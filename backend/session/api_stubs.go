package session

import "errors"

// Placeholder bodies fixing the API contract; each moves to its real file.
var errTODO = errors.New("not implemented yet")

// --- plan (plan.go, decisions.go, assumptions.go, sessions.go, participants.go, demo.go) ---

// Formats lists the workshop formats with recommended group sizes.
func (s *Service) Formats() ([]FormatInfo, error) { return nil, errTODO }

// ListDecisions returns all decisions, nearest deadline first.
func (s *Service) ListDecisions() ([]Decision, error) { return nil, errTODO }

// GetDecision returns a decision with its assumptions (riskiest first), sessions and log.
func (s *Service) GetDecision(id int64) (DecisionDetail, error) { return DecisionDetail{}, errTODO }

// SaveDecision creates (ID 0) or updates a decision.
func (s *Service) SaveDecision(in DecisionInput) (Decision, error) { return Decision{}, errTODO }

// DeleteDecision removes a decision that no session uses.
func (s *Service) DeleteDecision(id int64) error { return errTODO }

// SaveAssumption creates (ID 0) or updates an assumption; a change of
// importance or evidence is recorded as a move on the map.
func (s *Service) SaveAssumption(in AssumptionInput) (Assumption, error) {
	return Assumption{}, errTODO
}

// DeleteAssumption removes an assumption nobody has responded to yet.
func (s *Service) DeleteAssumption(id int64) error { return errTODO }

// ListSessions returns all sessions, upcoming first, then most recent.
func (s *Service) ListSessions() ([]SessionItem, error) { return nil, errTODO }

// GetSession returns a session's plan with assumptions and participants.
func (s *Service) GetSession(id int64) (Session, error) { return Session{}, errTODO }

// SaveSession creates (ID 0) or updates a session's plan.
func (s *Service) SaveSession(in SessionInput) (Session, error) { return Session{}, errTODO }

// DuplicateSession copies a session's plan as a new planned session (a template).
func (s *Service) DuplicateSession(id int64) (Session, error) { return Session{}, errTODO }

// DeleteSession removes a planned session with no responses.
func (s *Service) DeleteSession(id int64) error { return errTODO }

// Picker lists board members for choosing participants, with balance advice.
func (s *Service) Picker(sessionID int64) (Picker, error) { return Picker{}, errTODO }

// SetParticipants makes the session's participants exactly memberIDs.
func (s *Service) SetParticipants(sessionID int64, memberIDs []int64) (Session, error) {
	return Session{}, errTODO
}

// SetParticipantState marks a participant invited, confirmed, attended or no_show.
func (s *Service) SetParticipantState(sessionID, memberID int64, state string) (Participant, error) {
	return Participant{}, errTODO
}

// CheckOpener ticks or unticks one opener checklist item.
func (s *Service) CheckOpener(sessionID int64, index int, done bool) (Session, error) {
	return Session{}, errTODO
}

// StartSession marks a session running.
func (s *Service) StartSession(id int64) (Session, error) { return Session{}, errTODO }

// FinishSession marks a session finished and logs a session touchpoint for each attendee.
func (s *Service) FinishSession(id int64) (Session, error) { return Session{}, errTODO }

// LoadDemo adds sample decisions and sessions over the sample board.
func (s *Service) LoadDemo() (DemoResult, error) { return DemoResult{}, errTODO }

// --- run and after (run.go, verdicts.go, synthesis.go, ledger.go, decisionlog.go) ---

// GetRun returns everything the live run view needs.
func (s *Service) GetRun(sessionID int64) (Run, error) { return Run{}, errTODO }

// SetPosition remembers which assumption is on screen.
func (s *Service) SetPosition(sessionID int64, position int) error { return errTODO }

// SaveField saves one field of a response as it is typed.
func (s *Service) SaveField(e FieldEdit) (Response, error) { return Response{}, errTODO }

// AddTime adds seconds to the time spent on an assumption; returns the total.
func (s *Service) AddTime(sessionID, assumptionID int64, seconds int) (int, error) {
	return 0, errTODO
}

// SaveQuote adds (ID 0) or edits a verbatim quote.
func (s *Service) SaveQuote(in QuoteInput) (Quote, error) { return Quote{}, errTODO }

// DeleteQuote removes a quote.
func (s *Service) DeleteQuote(id int64) error { return errTODO }

// SetVerdict rates an assumption in a session and moves it on the map.
func (s *Service) SetVerdict(in VerdictInput) (Verdict, error) { return Verdict{}, errTODO }

// ClearVerdict removes a verdict given by mistake.
func (s *Service) ClearVerdict(sessionID, assumptionID int64) error { return errTODO }

// Synthesis returns themes, opportunities and actions of a session.
func (s *Service) Synthesis(sessionID int64) (Synthesis, error) { return Synthesis{}, errTODO }

// TagQuote sets the themes of a quote.
func (s *Service) TagQuote(quoteID int64, themes []string) (Quote, error) { return Quote{}, errTODO }

// TagResponse sets the themes of a response's notes.
func (s *Service) TagResponse(responseID int64, themes []string) (Response, error) {
	return Response{}, errTODO
}

// SaveOpportunity adds (ID 0) or edits an opportunity.
func (s *Service) SaveOpportunity(in OpportunityInput) (Opportunity, error) {
	return Opportunity{}, errTODO
}

// DeleteOpportunity removes an opportunity.
func (s *Service) DeleteOpportunity(id int64) error { return errTODO }

// SaveAction adds (ID 0) or edits an action.
func (s *Service) SaveAction(in ActionInput) (Action, error) { return Action{}, errTODO }

// DeleteAction removes an action.
func (s *Service) DeleteAction(id int64) error { return errTODO }

// AddLogEntry records what the team decided because of the evidence.
func (s *Service) AddLogEntry(decisionID int64, in LogInput) (LogEntry, error) {
	return LogEntry{}, errTODO
}

// Ledger returns every assumption across sessions with its standing.
func (s *Service) Ledger(q LedgerQuery) (Ledger, error) { return Ledger{}, errTODO }

// MemberSessions lists the sessions a member took part in, with their quotes.
func (s *Service) MemberSessions(memberID int64) ([]MemberSession, error) { return nil, errTODO }
