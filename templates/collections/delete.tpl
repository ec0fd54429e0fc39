{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Delete “{{TITLE}}”?</h1>
<p class="govuk-body">This deletes the collection and stops every share of it. It cannot be undone.</p>
{{#HAS_PAGES}}<p class="govuk-body">{{NOTE}}</p>{{/HAS_PAGES}}
<form method="post" action="/portfolio/collections/{{ID}}/delete">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--warning">Delete collection</button>
<a class="govuk-link" href="/portfolio/collections/{{ID}}">Keep it</a>
</div>
</form>
</div>
</div>
