{{%AUTOESCAPE context="HTML"}}
{{#CHOICE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/CHOICE}}
