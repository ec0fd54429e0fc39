{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Stop these emails?</h1>
<p class="govuk-body">You will no longer get emails about: <strong>{{LABEL}}</strong>. It all still shows in your notifications in Tandem, and you can change your mind in Your account.</p>
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button">Stop these emails</button>
</form>
</div>
</div>
