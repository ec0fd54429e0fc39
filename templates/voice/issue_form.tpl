{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#{{FIELD}}">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<a class="govuk-back-link" href="/voice">Student voice</a>
<h1 class="govuk-heading-l">Raise an issue with the college</h1>
<p class="govuk-body">Say what students said and what you are asking for. The person responsible is told at once and answers on the issue's page; your cohort reads the answers on its board.</p>
<form method="post" action="/voice/issues" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="poll" value="{{POLL}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="cohort">For</label>
<select class="govuk-select" id="cohort" name="cohort">
{{#COHORT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/COHORT}}
{{#COLLEGE}}<option value="college">The whole college</option>{{/COLLEGE}}
</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="title">Title</label>
<input class="govuk-input" id="title" name="title" type="text" value="{{TITLE}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="body">What students said, and what you ask for</label>
<div class="govuk-hint" id="body-hint">You can use Markdown: **bold**, lists, links.</div>
<textarea class="govuk-textarea" id="body" name="body" rows="6" aria-describedby="body-hint">{{BODY:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="responsible">Member of staff responsible</label>
<div class="govuk-hint" id="responsible-hint">Their username, as it shows on their profile: for example, tom.</div>
<input class="govuk-input govuk-input--width-20" id="responsible" name="responsible" type="text" value="{{RESPONSIBLE}}" autocomplete="off" spellcheck="false" aria-describedby="responsible-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="due_on">Answer due by</label>
<input class="govuk-input govuk-input--width-10" id="due_on" name="due_on" type="date" value="{{DUE}}">
</div>
<button type="submit" class="govuk-button">Raise the issue</button>
</form>
</div>
</div>
