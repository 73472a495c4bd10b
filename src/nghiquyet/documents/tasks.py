from nghiquyet.celery import app

from .services import jobs


@app.task(name="nghiquyet.documents.tasks.run_import_job")
def run_import_job(job_id: int) -> None:
    jobs.run(job_id)
