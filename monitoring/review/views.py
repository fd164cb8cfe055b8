from django.shortcuts import render

from .selectors import queue_my_work, queue_overdue, queue_returned, queue_to_review


def queues(request):
    """The work queues: mine by due date, returned to me, waiting for my review, overdue team-wide."""
    user = request.user
    context = {
        "my_work": list(queue_my_work(user=user)),
        "returned": list(queue_returned(user=user)),
        "to_review": list(queue_to_review(user=user)),
        "overdue": list(queue_overdue()),
    }
    return render(request, "review/queues.html", context)
