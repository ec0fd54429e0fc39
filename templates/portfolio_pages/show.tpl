{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/portfolio">Your portfolio</a>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
{{#DESCRIPTION}}<div class="tandem-richtext">{{DESCRIPTION_HTML:none}}</div>{{/DESCRIPTION}}
<ul class="govuk-list">
<li><a class="govuk-link" href="/portfolio/pages/{{PAGE_ID}}/edit">Change the title or description</a></li>
<li><a class="govuk-link" href="/pages/{{PAGE_ID}}">See it as others do, with its comments</a></li>
<li><a class="govuk-link" href="/portfolio/pages/{{PAGE_ID}}/sharing">Share this page</a></li>
<li><a class="govuk-link" href="/portfolio/pages/{{PAGE_ID}}/submit">Submit for assessment</a></li>
</ul>
<h2 class="govuk-heading-m" id="blocks">On this page</h2>
{{#EMPTY}}<p class="govuk-body">Nothing yet. Add your first block below.</p>{{/EMPTY}}
{{#BLOCKS}}<form method="post">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<ol class="tandem-blocks">
{{BLOCKS_HTML:none}}
</ol>
</form>{{/BLOCKS}}
<h2 class="govuk-heading-m">Add to this page</h2>
<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/portfolio/pages/{{PAGE_ID}}/add">Add a piece of evidence</a></p>
<form method="post" action="/portfolio/pages/{{PAGE_ID}}/blocks">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="text">Some words of your own</label>
<div class="govuk-hint" id="text-hint">An introduction, a heading, what links your evidence together. You can use Markdown.</div>
<textarea class="govuk-textarea" id="text" name="text" rows="4" aria-describedby="text-hint"></textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Add text</button>
</form>
</div>
</div>
