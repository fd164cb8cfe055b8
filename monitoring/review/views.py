from django.shortcuts import render


def queues(request):
    return render(request, "review/queues.html", {})
