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
<h1 class="govuk-heading-l">{{#CREATING}}Add evidence{{/CREATING}}{{#EDITING}}Change evidence{{/EDITING}}</h1>
<form method="post" action="{{ACTION}}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#CREATING}}<input type="hidden" name="form_key" value="{{FORM_KEY}}">{{/CREATING}}
<input type="hidden" name="version" value="{{VERSION}}">
{{#CREATING}}
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="kind-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What kind of evidence is it?</legend>
<div class="govuk-hint" id="kind-hint">Fill in the part of the form for the kind you choose.</div>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="kind" name="kind" type="radio" value="text"{{#TEXT_CHECKED}} checked{{/TEXT_CHECKED}}><label class="govuk-label govuk-radios__label" for="kind">Something I wrote</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="kind-file" name="kind" type="radio" value="file"{{#FILE_CHECKED}} checked{{/FILE_CHECKED}}><label class="govuk-label govuk-radios__label" for="kind-file">A file: a photo, a document, a recording</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="kind-link" name="kind" type="radio" value="link"{{#LINK_CHECKED}} checked{{/LINK_CHECKED}}><label class="govuk-label govuk-radios__label" for="kind-link">A link to something on the web</label></div>
</div>
</fieldset>
</div>
{{/CREATING}}
{{#EDITING}}<input type="hidden" name="kind" value="{{KIND}}">{{/EDITING}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="title">Title</label>
<input class="govuk-input" id="title" name="title" type="text" value="{{TITLE}}" maxlength="200">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="body">Text{{#CREATING}} (for something you wrote){{/CREATING}}</label>
<div class="govuk-hint" id="body-hint">You can use Markdown: **bold**, *italic*, lists starting with -, and links.</div>
<textarea class="govuk-textarea" id="body" name="body" rows="8" aria-describedby="body-hint">{{BODY:pre_escape}}</textarea>
</div>
{{#CREATING}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="file">File (for a file)</label>
<div class="govuk-hint" id="file-hint">Up to {{MAX_MB}} MB. Photos show on the page; other files can be downloaded.</div>
<input class="govuk-file-upload" id="file" name="file" type="file" aria-describedby="file-hint">
</div>
{{/CREATING}}
{{#EDITING}}{{#CURRENT_FILE}}<p class="govuk-body">File: {{FILENAME}}</p>{{/CURRENT_FILE}}{{/EDITING}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="url">Web address{{#CREATING}} (for a link){{/CREATING}}</label>
<input class="govuk-input" id="url" name="url" type="url" value="{{URL}}" spellcheck="false" placeholder="https://">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="reflection">Reflection (optional)</label>
<div class="govuk-hint" id="reflection-hint">What does this show about your learning? What would you do differently next time?</div>
<textarea class="govuk-textarea" id="reflection" name="reflection" rows="5" aria-describedby="reflection-hint">{{REFLECTION:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="tags">Tags (optional)</label>
<div class="govuk-hint" id="tags-hint">Separate them with commas, for example: maths, teamwork, unit 3.</div>
<input class="govuk-input" id="tags" name="tags" type="text" value="{{TAGS}}" aria-describedby="tags-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="happened_on">Date (optional)</label>
<div class="govuk-hint" id="happened_on-hint">When you did or made this.</div>
<input class="govuk-input govuk-input--width-10" id="happened_on" name="happened_on" type="date" value="{{HAPPENED_ON}}" aria-describedby="happened_on-hint">
</div>
<button type="submit" class="govuk-button">Save evidence</button>
</form>
</div>
</div>
