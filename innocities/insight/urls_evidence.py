"""Evidence of what works, and the anonymised research dataset."""

urlpatterns = []
