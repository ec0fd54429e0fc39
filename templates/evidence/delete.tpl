{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Delete “{{TITLE}}”?</h1>
<p class="govuk-body">This removes the evidence and its file from your portfolio. It cannot be undone.</p>
<form method="post" action="/portfolio/evidence/{{ID}}/delete">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--warning">Delete evidence</button>
<a class="govuk-link" href="/portfolio/evidence/{{ID}}">Keep it</a>
</div>
</form>
</div>
</div>
