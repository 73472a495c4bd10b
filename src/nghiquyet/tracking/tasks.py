from nghiquyet.celery import app

from .services.reminders import send_reminders as send


@app.task(name="nghiquyet.tracking.tasks.send_reminders")
def send_reminders() -> dict:
    summary = send()
    return {"created": summary.created, "emailed": summary.emailed}
