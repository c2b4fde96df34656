from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from .account_deletion import deletion_notices
from .forms import DeleteAccountForm, ProfileForm
from .member_data import build_archive
from .security_log import log_event


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been saved.")
        return redirect("members:profile")
    return render(request, "members/profile.html", {"form": form})


@login_required
def privacy(request):
    return render(request, "members/privacy.html")


@login_required
def download_data(request):
    archive = build_archive(member=request.user)
    log_event("data.download", request=request, user=request.user)
    filename = f"praxis-my-data-{timezone.localdate():%Y-%m-%d}.zip"
    response = FileResponse(archive, as_attachment=True, filename=filename, content_type="application/zip")
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        user_id = user.pk  # delete() clears it
        with transaction.atomic():
            # Records and evidence rows cascade; each app removes its stored files when the
            # transaction commits (see learning_records.cpd.signals), so a failure deletes nothing.
            user.delete()
        log_event("account.deleted", request=request, user_id=user_id)
        logout(request)
        messages.success(
            request, "Your account, records and files have been deleted. Thank you for using Praxis."
        )
        return redirect("/")
    return render(
        request,
        "members/delete_account.html",
        {"form": form, "notices": deletion_notices(member=request.user)},
    )
