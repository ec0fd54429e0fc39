{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">You will not get these emails</h1><div class="govuk-panel__body">{{LABEL}}</div></div>
<p class="govuk-body">It all still shows in your notifications in Tandem. You can choose again in Your account, under Email and notifications.</p>
</div>
</div>
