package store

// NullZero stores a zero number as NULL: an id of 0 means "none", and a
// 0 count, rating or value means "not given". Every package writes its
// optional numbers through it, so the rule is written once.
func NullZero[T ~int | ~int64](v T) any {
	if v == 0 {
		return nil
	}
	return v
}
