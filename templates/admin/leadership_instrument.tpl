{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin">Administration</a></li>
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin/leadership">Leadership plans</a></li>
</ol>
</nav>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>
</ul>
</div>
</div>
</div>
{{/ERROR}}
<h1 class="govuk-heading-l">Add an instrument</h1>
<p class="govuk-body">Managers record their results with it in their leadership plans. Check its scales or types before you add it: they cannot be changed or removed once results use them.</p>
<form method="post" action="/admin/leadership/instruments" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#SITE}}
<div class="govuk-form-group{{#INSTITUTION_ID_ERROR}} govuk-form-group--error{{/INSTITUTION_ID_ERROR}}">
<label class="govuk-label govuk-label--s" for="institution_id">College</label>
{{#INSTITUTION_ID_ERROR}}<p id="institution_id-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/INSTITUTION_ID_ERROR}}
<select class="govuk-select{{#INSTITUTION_ID_ERROR}} govuk-select--error{{/INSTITUTION_ID_ERROR}}" id="institution_id" name="institution_id"{{#INSTITUTION_ID_ERROR}} aria-describedby="institution_id-error"{{/INSTITUTION_ID_ERROR}}>
<option value="">Choose a college</option>
{{#COLLEGES}}{{#COLLEGE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/COLLEGE}}{{/COLLEGES}}
</select>
</div>
{{/SITE}}
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Name</label>
<div id="name-hint" class="govuk-hint">Up to 120 characters, for example Team roles inventory</div>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" value="{{NAME}}" maxlength="120" aria-describedby="name-hint{{#NAME_ERROR}} name-error{{/NAME_ERROR}}">
</div>
<div class="govuk-form-group{{#DESCRIPTION_ERROR}} govuk-form-group--error{{/DESCRIPTION_ERROR}}">
<label class="govuk-label govuk-label--s" for="description">Description (optional)</label>
<div id="description-hint" class="govuk-hint">What it measures and where managers take it. Up to 2000 characters.</div>
{{#DESCRIPTION_ERROR}}<p id="description-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<textarea class="govuk-textarea{{#DESCRIPTION_ERROR}} govuk-textarea--error{{/DESCRIPTION_ERROR}}" id="description" name="description" rows="3" aria-describedby="description-hint{{#DESCRIPTION_ERROR}} description-error{{/DESCRIPTION_ERROR}}">{{DESCRIPTION:pre_escape}}</textarea>
</div>
<div class="govuk-form-group{{#KIND_ERROR}} govuk-form-group--error{{/KIND_ERROR}}{{#SCALE_MIN_ERROR}} govuk-form-group--error{{/SCALE_MIN_ERROR}}{{#SCALE_MAX_ERROR}} govuk-form-group--error{{/SCALE_MAX_ERROR}}">
<fieldset class="govuk-fieldset"{{#KIND_ERROR}} aria-describedby="kind-error"{{/KIND_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What does a result give?</legend>
{{#KIND_ERROR}}<p id="kind-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/KIND_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="kind" name="kind" type="radio" value="scales"{{#SCALES}} checked{{/SCALES}} aria-describedby="kind-hint">
<label class="govuk-label govuk-radios__label" for="kind">Scores on scales</label>
<div id="kind-hint" class="govuk-hint govuk-radios__hint">A score on each of its scales, such as a team-role inventory or a strengths profile</div>
</div>
<div class="govuk-radios__conditional" id="conditional-scales">
<div class="govuk-form-group{{#SCALE_MIN_ERROR}} govuk-form-group--error{{/SCALE_MIN_ERROR}}">
<label class="govuk-label" for="scale_min">Lowest score</label>
<div id="scale_min-hint" class="govuk-hint">For scores on scales only: whole numbers from 0 to 1000</div>
{{#SCALE_MIN_ERROR}}<p id="scale_min-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SCALE_MIN_ERROR}}
<input class="govuk-input govuk-input--width-4{{#SCALE_MIN_ERROR}} govuk-input--error{{/SCALE_MIN_ERROR}}" id="scale_min" name="scale_min" type="text" inputmode="numeric" value="{{SCALE_MIN}}" maxlength="4" spellcheck="false" aria-describedby="scale_min-hint{{#SCALE_MIN_ERROR}} scale_min-error{{/SCALE_MIN_ERROR}}">
</div>
<div class="govuk-form-group{{#SCALE_MAX_ERROR}} govuk-form-group--error{{/SCALE_MAX_ERROR}}">
<label class="govuk-label" for="scale_max">Highest score</label>
{{#SCALE_MAX_ERROR}}<p id="scale_max-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SCALE_MAX_ERROR}}
<input class="govuk-input govuk-input--width-4{{#SCALE_MAX_ERROR}} govuk-input--error{{/SCALE_MAX_ERROR}}" id="scale_max" name="scale_max" type="text" inputmode="numeric" value="{{SCALE_MAX}}" maxlength="4" spellcheck="false"{{#SCALE_MAX_ERROR}} aria-describedby="scale_max-error"{{/SCALE_MAX_ERROR}}>
</div>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="kind-type" name="kind" type="radio" value="type"{{#TYPE}} checked{{/TYPE}} aria-describedby="kind-type-hint">
<label class="govuk-label govuk-radios__label" for="kind-type">A type</label>
<div id="kind-type-hint" class="govuk-hint govuk-radios__hint">One of its types, such as a personality type indicator</div>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#ITEMS_ERROR}} govuk-form-group--error{{/ITEMS_ERROR}}">
<label class="govuk-label govuk-label--s" for="items">Scales or types, one per line</label>
<div id="items-hint" class="govuk-hint">The name of each scale, or of each type, in the order they are shown. Up to 40, each up to 80 characters and different from the others.</div>
{{#ITEMS_ERROR}}<p id="items-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ITEMS_ERROR}}
<textarea class="govuk-textarea{{#ITEMS_ERROR}} govuk-textarea--error{{/ITEMS_ERROR}}" id="items" name="items" rows="8" spellcheck="true" aria-describedby="items-hint{{#ITEMS_ERROR}} items-error{{/ITEMS_ERROR}}">{{ITEMS:pre_escape}}</textarea>
</div>
<div class="govuk-form-group{{#FEEDBACK_ERROR}} govuk-form-group--error{{/FEEDBACK_ERROR}}">
<fieldset class="govuk-fieldset"{{#FEEDBACK_ERROR}} aria-describedby="feedback-error"{{/FEEDBACK_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">360-degree feedback</legend>
{{#FEEDBACK_ERROR}}<p id="feedback-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/FEEDBACK_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="feedback" name="feedback" type="checkbox" value="yes"{{#FEEDBACK}} checked{{/FEEDBACK}} aria-describedby="feedback-hint">
<label class="govuk-label govuk-checkboxes__label" for="feedback">Colleagues can answer it in a 360-degree feedback round</label>
<div id="feedback-hint" class="govuk-hint govuk-checkboxes__hint">Only for scores on scales. Colleagues score the manager on each scale; the manager sees the averages once at least three have answered.</div>
</div>
</div>
</fieldset>
</div>
<div class="govuk-button-group">
<button type="submit" class="govuk-button">Add instrument</button>
<a class="govuk-link" href="/admin/leadership">Cancel</a>
</div>
</form>
</div>
</div>
