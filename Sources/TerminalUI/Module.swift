import CNcurses
// Placeholder until this module's issue lands.
func _probeCurses() -> Int32 { nc_lines() }
