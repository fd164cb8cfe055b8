"""Refusals from the service layer as API answers: the same status codes and messages as the web pages."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from monitoring.review.services import EditConflict, refusal_message


def api_exception_handler(exc, context):
    """DRF's handler, except that a service's refusal keeps its message (DRF would replace it with a generic one)."""
    if isinstance(exc, PermissionDenied):
        return Response({"detail": refusal_message(exc)}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, ValidationError):
        return Response({"detail": refusal_message(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, EditConflict):
        return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, ObjectDoesNotExist):
        return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
    return exception_handler(exc, context)
