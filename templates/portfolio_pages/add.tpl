{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/portfolio/pages/{{PAGE_ID}}">{{TITLE}}</a>
<h1 class="govuk-heading-l">Add evidence to “{{TITLE}}”</h1>
{{#HAS_CHOICES}}
<form method="post" action="/portfolio/pages/{{PAGE_ID}}/blocks">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="evidence_id">A piece of your evidence</label>
<div class="govuk-hint" id="evidence_id-hint">It goes at the end of the page; you can move it afterwards.</div>
<select class="govuk-select" id="evidence_id" name="evidence_id" aria-describedby="evidence_id-hint">
{{#CHOICE}}<option value="{{ID}}">{{TITLE}}</option>{{/CHOICE}}
</select>
</div>
<button type="submit" class="govuk-button">Add evidence</button>
</form>
{{/HAS_CHOICES}}
{{#NO_CHOICES}}<p class="govuk-body">You have no evidence yet. <a class="govuk-link" href="/portfolio/evidence/new">Add some evidence</a> first.</p>{{/NO_CHOICES}}
</div>
</div>
