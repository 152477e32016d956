package main

import (
	"soundingboard/backend/activity"
	"soundingboard/backend/board"
	"soundingboard/backend/loop"
	"soundingboard/backend/session"
	"soundingboard/backend/transcript"
)

// enums lists the closed sets of codes Wails writes into the frontend's
// models.ts as TypeScript enums (options.App.EnumBind), so the frontend's
// lists of statuses and kinds derive from the backend's instead of being
// typed again. `wails generate module` reads them from the window's
// options; keep the list here in step with the All… lists of the packages.
func enums() []any {
	return []any{
		board.AllStatuses, board.AllConsentKinds, board.AllTouchpointKinds, board.AllUsageFrequencies, board.AllTones,
		session.AllCategories, session.AllStances, session.AllVerdicts, session.AllOutcomes,
		session.AllStates, session.AllStatuses, session.AllOpportunityStatuses,
		activity.AllKinds, activity.AllRoles, activity.AllEntryKinds, activity.AllReactions, activity.AllTaskOutcomes,
		loop.AllKinds, loop.AllChannels, loop.AllViews, loop.AllRepeatUnits,
		board.AllRewardStatuses, session.AllAttendeeRoles, transcript.AllFormats,
	}
}
