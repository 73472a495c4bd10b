"""The work of the tracking app, apart from views: cascading, filing plans,
the copy check, progress, indicators, reports due, reminders, dashboards."""
