package com.example.app;

public class App {}
