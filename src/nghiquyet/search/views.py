from django.shortcuts import render


def index(request):
    return render(request, "core/coming_soon.html")
