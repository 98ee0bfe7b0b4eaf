from celery import shared_task

from cdd_portal.documents import services


@shared_task(bind=True, name="documents.render_job", autoretry_for=(Exception,), max_retries=2,
             retry_backoff=2, retry_jitter=False, acks_late=True)
def render_job(self, job_id: str) -> None:
    services.run(job_id, final_attempt=self.request.retries >= self.max_retries)
