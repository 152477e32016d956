package rpc

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"reflect"
)

var errorType = reflect.TypeFor[error]()

// method is one bound Go method callable as "<pkg>.<Struct>.<Method>",
// the same name the Wails bindings use (window.go.<pkg>.<Struct>.<Method>).
type method struct {
	svc     any           // the bound service
	fn      reflect.Value // the method's function, receiver first
	params  []reflect.Type
	returns []reflect.Type
}

// registry maps binding names to methods.
type registry map[string]method

// newRegistry reflects over pointers to structs and registers every
// exported method, as Wails does when binding them.
func newRegistry(services []any) (registry, error) {
	r := registry{}
	for _, svc := range services {
		v := reflect.ValueOf(svc)
		t := v.Type()
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("rpc: bind %T: need a pointer to a struct", svc)
		}
		prefix := path.Base(t.Elem().PkgPath()) + "." + t.Elem().Name() + "."
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			ft := m.Type
			var params, returns []reflect.Type
			for j := 1; j < ft.NumIn(); j++ { // skip the receiver
				params = append(params, ft.In(j))
			}
			for j := 0; j < ft.NumOut(); j++ {
				returns = append(returns, ft.Out(j))
			}
			if len(returns) > 2 || (len(returns) == 2 && returns[1] != errorType) {
				return nil, fmt.Errorf("rpc: %s%s: return (T, error), (T), (error) or nothing", prefix, m.Name)
			}
			r[prefix+m.Name] = method{svc: svc, fn: m.Func, params: params, returns: returns}
		}
	}
	return r, nil
}

// callError is an error the caller caused (bad arguments).
type callError struct{ msg string }

func (e *callError) Error() string { return e.msg }

// call decodes a JSON array of arguments, calls the method on recv (the
// service, or its request-scoped copy) and returns its JSON-encoded result.
// A method error is returned as is.
func (m method) call(ctx context.Context, recv any, name string, body []byte) ([]byte, error) {
	var raw []json.RawMessage
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		body = []byte("[]")
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, &callError{fmt.Sprintf("%s: arguments must be a JSON array: %v", name, err)}
	}
	if len(raw) != len(m.params) {
		return nil, &callError{fmt.Sprintf("%s takes %d arguments, got %d", name, len(m.params), len(raw))}
	}
	args := make([]reflect.Value, len(raw)+1)
	args[0] = reflect.ValueOf(recv)
	for i, p := range m.params {
		ptr := reflect.New(p)
		if err := json.Unmarshal(raw[i], ptr.Interface()); err != nil {
			return nil, &callError{fmt.Sprintf("%s: argument %d: %v", name, i+1, err)}
		}
		args[i+1] = ptr.Elem()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := m.fn.Call(args)
	var result any
	for i, t := range m.returns {
		if t == errorType {
			if e := out[i].Interface(); e != nil {
				return nil, e.(error)
			}
			continue
		}
		result = out[i].Interface()
	}
	b, err := json.Marshal(result)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("%s: encode result", name), err)
	}
	return b, nil
}
