{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/portfolio">Your portfolio</a>
<span class="govuk-caption-l">Collection</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
{{#DESCRIPTION}}<div class="tandem-richtext">{{DESCRIPTION_HTML:none}}</div>{{/DESCRIPTION}}
<ul class="govuk-list">
<li><a class="govuk-link" href="/portfolio/collections/{{ID}}/edit">Change the title or description</a></li>
<li><a class="govuk-link" href="/collections/{{ID}}">See it as others do</a></li>
<li><a class="govuk-link" href="/portfolio/collections/{{ID}}/sharing">Share this collection</a></li>
<li><a class="govuk-link" href="/portfolio/collections/{{ID}}/submit">Submit for assessment</a></li>
</ul>
<h2 class="govuk-heading-m" id="pages">Pages in this collection</h2>
{{#EMPTY}}<p class="govuk-body">No pages yet. Add your first page below.</p>{{/EMPTY}}
<ol class="tandem-blocks">
{{#PAGE}}
<li class="tandem-block" id="page-{{PAGE_ID}}">
<h3 class="govuk-heading-s govuk-!-margin-bottom-3"><span class="tandem-muted">{{NUMBER}}.</span> <a class="govuk-link" href="/portfolio/pages/{{PAGE_ID}}">{{TITLE}}</a></h3>
<div class="govuk-button-group tandem-block__actions">
{{#CAN_MOVE_UP}}<form method="post" action="/portfolio/collections/{{ID}}/pages/{{PAGE_ID}}/move"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="direction" value="up"><button type="submit" class="govuk-button govuk-button--secondary">Move up<span class="govuk-visually-hidden"> {{TITLE}}</span></button></form>{{/CAN_MOVE_UP}}
{{#CAN_MOVE_DOWN}}<form method="post" action="/portfolio/collections/{{ID}}/pages/{{PAGE_ID}}/move"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="direction" value="down"><button type="submit" class="govuk-button govuk-button--secondary">Move down<span class="govuk-visually-hidden"> {{TITLE}}</span></button></form>{{/CAN_MOVE_DOWN}}
<form method="post" action="/portfolio/collections/{{ID}}/pages/{{PAGE_ID}}/remove"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--warning">Remove<span class="govuk-visually-hidden"> {{TITLE}} from the collection</span></button></form>
</div>
</li>
{{/PAGE}}
</ol>
<h2 class="govuk-heading-m">Add a page</h2>
{{#HAS_CHOICES}}
<form method="post" action="/portfolio/collections/{{ID}}/pages">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="page_id">One of your pages</label>
<div class="govuk-hint" id="page_id-hint">It goes at the end of the collection; you can move it afterwards. Removing it later leaves the page itself as it is.</div>
<select class="govuk-select" id="page_id" name="page_id" aria-describedby="page_id-hint">
{{#CHOICE}}<option value="{{PAGE_ID}}">{{TITLE}}</option>{{/CHOICE}}
</select>
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Add page</button>
</form>
{{/HAS_CHOICES}}
{{#ALL_IN}}<p class="govuk-body">All your pages are in this collection. <a class="govuk-link" href="/portfolio/pages/new">Create a page</a> to add another.</p>{{/ALL_IN}}
{{#NO_PAGES}}<p class="govuk-body">You have no pages yet. <a class="govuk-link" href="/portfolio/pages/new">Create a page</a> first.</p>{{/NO_PAGES}}
<h2 class="govuk-heading-m">Delete</h2>
<p class="govuk-body"><a class="govuk-link" href="/portfolio/collections/{{ID}}/delete">Delete this collection</a> (its pages stay in your portfolio)</p>
</div>
</div>
