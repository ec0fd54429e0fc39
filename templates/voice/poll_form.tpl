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
<a class="govuk-back-link" href="{{BACK}}">Back</a>
<h1 class="govuk-heading-l">{{HEADING}}</h1>
<p class="govuk-body">Write the poll first, then add its questions. Nobody sees it until you open it; once it opens, these settings, and whether it is anonymous, cannot change.</p>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="title">Title</label>
<input class="govuk-input" id="title" name="title" type="text" value="{{TITLE}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="description">What the poll is about (optional)</label>
<textarea class="govuk-textarea" id="description" name="description" rows="3">{{DESCRIPTION:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="audience-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Who the poll is for</legend>
<div id="audience-hint" class="govuk-hint">The learners of the cohorts you represent that you tick.</div>
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#COHORT}}<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="audience-{{ID}}" name="audience" type="checkbox" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="audience-{{ID}}">{{NAME}} ({{CODE}})</label></div>
{{/COHORT}}
{{#COLLEGE}}<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="audience-college" name="audience" type="checkbox" value="college"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="audience-college">Everyone at the college (as a union officer)</label></div>
{{/COLLEGE}}
</div>
<span id="audience"></span>
</fieldset>
</div>
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="anonymous-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is the poll anonymous?</legend>
<div id="anonymous-hint" class="govuk-hint">In an anonymous poll nobody, not even someone reading the database, can tell what a person answered; results show only once enough people have voted (five, unless your college chose another number). In a named poll you see who wrote each written answer.</div>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="anonymous" name="anonymous" type="radio" value="yes"{{#ANONYMOUS_YES}} checked{{/ANONYMOUS_YES}}><label class="govuk-label govuk-radios__label" for="anonymous">Yes, anonymous</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="anonymous-no" name="anonymous" type="radio" value="no"{{#ANONYMOUS_NO}} checked{{/ANONYMOUS_NO}}><label class="govuk-label govuk-radios__label" for="anonymous-no">No, named</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">When voters see the results</legend>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="visibility" name="visibility" type="radio" value="closed"{{#VISIBILITY_CLOSED}} checked{{/VISIBILITY_CLOSED}}><label class="govuk-label govuk-radios__label" for="visibility">When the poll closes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="visibility-voted" name="visibility" type="radio" value="voted"{{#VISIBILITY_VOTED}} checked{{/VISIBILITY_VOTED}}><label class="govuk-label govuk-radios__label" for="visibility-voted">Once they have voted</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="visibility-live" name="visibility" type="radio" value="live"{{#VISIBILITY_LIVE}} checked{{/VISIBILITY_LIVE}}><label class="govuk-label govuk-radios__label" for="visibility-live">At any time, as votes come in</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="opens_at">Opens (optional)</label>
<div class="govuk-hint" id="opens_at-hint">Leave it empty to open the poll yourself when its questions are ready.</div>
<input class="govuk-input govuk-input--width-20" id="opens_at" name="opens_at" type="datetime-local" value="{{OPENS}}" aria-describedby="opens_at-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="closes_at">Closes</label>
<input class="govuk-input govuk-input--width-20" id="closes_at" name="closes_at" type="datetime-local" value="{{CLOSES}}">
</div>
<button type="submit" class="govuk-button">Save the poll</button>
</form>
</div>
</div>
