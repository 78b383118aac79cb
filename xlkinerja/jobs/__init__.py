"""Jobs: one function per user task, called by the CLI, the Excel ribbon and the server."""
