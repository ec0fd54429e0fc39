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
{{#EDITING}}<a class="govuk-back-link" href="{{HREF}}">Back to the post</a>{{/EDITING}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#CREATING}}<input type="hidden" name="form_key" value="{{FORM_KEY}}">{{/CREATING}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="title">Title</label>
<input class="govuk-input" id="title" name="title" type="text" value="{{TITLE}}" maxlength="200">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="body">Your post</label>
<div class="govuk-hint" id="body-hint">What did you do, what did you learn, what will you try next? You can use Markdown: **bold**, *italic*, lists starting with -, and links.</div>
<textarea class="govuk-textarea" id="body" name="body" rows="14" aria-describedby="body-hint">{{BODY:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="tags">Tags (optional)</label>
<div class="govuk-hint" id="tags-hint">Separate them with commas, for example: welding, unit 6, teamwork.</div>
<input class="govuk-input" id="tags" name="tags" type="text" value="{{TAGS}}" aria-describedby="tags-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="evidence_id">Show a piece of your evidence with it (optional)</label>
<div class="govuk-hint" id="evidence-hint">Readers see it only if you have shared a page that shows it with them.</div>
<select class="govuk-select" id="evidence_id" name="evidence_id" aria-describedby="evidence-hint">
<option value="">None</option>
{{#CHOICE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>{{/CHOICE}}
</select>
</div>
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Who can read it?</legend>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="visibility" name="visibility" type="radio" value="private"{{#VISIBILITY_private}} checked{{/VISIBILITY_private}}><label class="govuk-label govuk-radios__label" for="visibility">Only me</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="visibility-cohort" name="visibility" type="radio" value="cohort"{{#VISIBILITY_cohort}} checked{{/VISIBILITY_cohort}}><label class="govuk-label govuk-radios__label" for="visibility-cohort">People in my groups (classmates and tutors)</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="visibility-institution" name="visibility" type="radio" value="institution"{{#VISIBILITY_institution}} checked{{/VISIBILITY_institution}}><label class="govuk-label govuk-radios__label" for="visibility-institution">Everyone at my college</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="visibility-public" name="visibility" type="radio" value="public"{{#VISIBILITY_public}} checked{{/VISIBILITY_public}}><label class="govuk-label govuk-radios__label" for="visibility-public">Anyone on the internet</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Comments</legend>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="comments" name="comments" type="radio" value=""{{#COMMENTS_blog}} checked{{/COMMENTS_blog}}><label class="govuk-label govuk-radios__label" for="comments">As my blog's setting says</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="comments-open" name="comments" type="radio" value="open"{{#COMMENTS_open}} checked{{/COMMENTS_open}}><label class="govuk-label govuk-radios__label" for="comments-open">Shown at once</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="comments-moderated" name="comments" type="radio" value="moderated"{{#COMMENTS_moderated}} checked{{/COMMENTS_moderated}}><label class="govuk-label govuk-radios__label" for="comments-moderated">Shown when I approve them</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="comments-closed" name="comments" type="radio" value="closed"{{#COMMENTS_closed}} checked{{/COMMENTS_closed}}><label class="govuk-label govuk-radios__label" for="comments-closed">Closed</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Publish it?</legend>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="status" name="status" type="radio" value="draft"{{#STATUS_draft}} checked{{/STATUS_draft}}><label class="govuk-label govuk-radios__label" for="status">Not yet: keep it as a draft only I can see</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="status-published" name="status" type="radio" value="published"{{#STATUS_published}} checked{{/STATUS_published}}><label class="govuk-label govuk-radios__label" for="status-published">Publish it</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="publish_at">Publish it later (optional)</label>
<div class="govuk-hint" id="publish_at-hint">Choose a date and time, UK time, when publishing. Leave it empty to publish straight away.</div>
<input class="govuk-input govuk-input--width-20" id="publish_at" name="publish_at" type="datetime-local" value="{{PUBLISH_AT}}" aria-describedby="publish_at-hint">
</div>
<button type="submit" class="govuk-button">Save post</button>
</form>
</div>
</div>
