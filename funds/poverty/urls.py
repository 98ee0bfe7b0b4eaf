from django.urls import path

from funds.poverty import views

app_name = "poverty"

urlpatterns = [
    path("", views.fund_list, name="fund-list"),
    path("new/", views.fund_create, name="fund-create"),
    path("<int:pk>/", views.fund_detail, name="fund-detail"),
    path("<int:pk>/edit/", views.fund_edit, name="fund-edit"),
    path("<int:pk>/stop/", views.fund_stop, name="fund-stop"),
    path("<int:pk>/members/new/", views.member_create, name="member-create"),
    path("<int:pk>/accounts/new/", views.account_create, name="account-create"),
    path("<int:pk>/households/new/", views.household_create, name="household-create"),
    path("<int:pk>/proposals/new/", views.proposal_create, name="proposal-create"),
    path("<int:pk>/requests/new/", views.request_create, name="request-create"),
    path("<int:pk>/loans/new/", views.loan_create, name="loan-create"),
    path("members/<int:pk>/", views.member_edit, name="member-edit"),
    path("accounts/<int:pk>/entries/new/", views.entry_create, name="entry-create"),
    path("entries/<int:pk>/cancel/", views.entry_cancel, name="entry-cancel"),
    path("households/<int:pk>/", views.household_edit, name="household-edit"),
    path("households/<int:pk>/leave/", views.household_leave, name="household-leave"),
    path("proposals/<int:pk>/", views.proposal_decide, name="proposal-decide"),
    path("requests/<int:pk>/", views.request_decide, name="request-decide"),
    path("loans/<int:pk>/", views.loan_detail, name="loan-detail"),
    path("loans/<int:pk>/receipt/", views.loan_receipt, name="loan-receipt"),
    path("loans/<int:pk>/repayments/new/", views.repayment_create, name="repayment-create"),
    path("loans/<int:pk>/write-off/", views.loan_write_off, name="loan-write-off"),
    path("repayments/<int:pk>/cancel/", views.repayment_cancel, name="repayment-cancel"),
]
