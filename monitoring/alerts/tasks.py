from celery import shared_task


@shared_task(ignore_result=True)
def alerts_send() -> None:
    """Run by Celery beat: the same as `manage.py alerts_send`."""
    from .services import alerts_send as send

    send()
